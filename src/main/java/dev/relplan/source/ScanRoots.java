package dev.relplan.source;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The paths given to a scan and how the scan's file names map back to them. With one root, files
 * are known by their path relative to it; with several, discovery puts the root's name in front so
 * that two roots' {@code main.tf} stay distinct. Reports split that name off again: every location
 * names its root separately and its file relative to that root, so adding a second root changes
 * nothing about the first one's files.
 */
public final class ScanRoots {
  /**
   * One root: {@code label} as reports name it, {@code prefix} what the scan puts in front of its
   * files (empty when it is the only root), and whether it is a single file given as PATH.
   */
  private record Root(String label, String prefix, boolean singleFile) {}

  private final List<Root> roots;

  /** Longest prefix first, so that a root inside another one's folder claims its own files. */
  private final List<Root> byPrefix;

  private ScanRoots(List<Root> roots) {
    this.roots = List.copyOf(roots);
    List<Root> sorted = new ArrayList<>(roots);
    sorted.sort(Comparator.comparingInt((Root r) -> -r.prefix().length()));
    this.byPrefix = List.copyOf(sorted);
  }

  /**
   * The roots as discovery names them ({@code Discovery.Result.roots}): a folder with a trailing
   * slash ({@code infra/}, empty for the current directory), a file as given.
   */
  public static ScanRoots of(List<String> discovered) {
    List<Root> roots = new ArrayList<>();
    boolean several = discovered.size() > 1;
    for (String name : discovered) {
      boolean folder = name.isEmpty() || name.endsWith("/");
      String label = folder && !name.isEmpty() ? name.substring(0, name.length() - 1) : name;
      if (label.isEmpty()) label = ".";
      roots.add(new Root(label, several ? name : "", !folder));
    }
    return new ScanRoots(roots);
  }

  /** Each root's name as reports show it, in the order given. */
  public List<String> labels() {
    return roots.stream().map(Root::label).toList();
  }

  /** Whether several roots were given, so that reports name the root beside each file. */
  public boolean several() {
    return roots.size() > 1;
  }

  /**
   * The location with its root named and its file relative to that root; unchanged when it is
   * already rooted or belongs to no root.
   */
  public Location rooted(Location at) {
    if (at.root() != null) return at;
    for (Root r : byPrefix) {
      if (r.singleFile()) {
        if (r.prefix().isEmpty() || at.file().equals(r.prefix()))
          return new Location(r.label(), fileName(at.file()), at.line());
      } else if (!r.prefix().isEmpty() && (at.file() + "/").equals(r.prefix())) {
        // The root folder itself (a Terraform root module's scope): "." as it is when alone.
        return new Location(r.label(), ".", at.line());
      } else if (at.file().startsWith(r.prefix())) {
        return new Location(r.label(), at.file().substring(r.prefix().length()), at.line());
      }
    }
    return at;
  }

  /** A file the scan names, relative to its root: {@link #rooted} without a line. */
  public Location rooted(String file) {
    return rooted(new Location(file, 0));
  }

  /**
   * How plans written for people show a location: {@code file:line}, with the root in front ({@code
   * infra: main.tf:12}) when several roots were given.
   */
  public String shown(Location at) {
    Location rooted = rooted(at);
    String fileAndLine = rooted.file() + ":" + rooted.line();
    return several() && rooted.root() != null ? rooted.root() + ": " + fileAndLine : fileAndLine;
  }

  /** How plans written for people show a file without a line, as {@link #shown(Location)}. */
  public String shown(String file) {
    Location rooted = rooted(file);
    return several() && rooted.root() != null ? rooted.root() + ": " + rooted.file() : file;
  }

  private static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
