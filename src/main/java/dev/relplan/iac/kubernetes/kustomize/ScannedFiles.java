package dev.relplan.iac.kubernetes.kustomize;

import dev.relplan.discover.Discovery;
import dev.relplan.discover.SourceFile;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ParseException;
import dev.relplan.parse.YamlLoader;
import dev.relplan.source.SkippedFile;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The files discovery read, by path: the only files a kustomization may use. A path that leaves the
 * scanned roots is simply not here, so nothing outside them is ever read.
 */
final class ScannedFiles {
  private final Map<Path, SourceFile> files = new HashMap<>();
  private final Map<String, String> skippedReasons = new HashMap<>();

  /** Kustomization per folder, in folder order so that roots render in a stable order. */
  private final Map<Path, SourceFile> kustomizations = new TreeMap<>();

  private final Map<Path, Kustomization> parsed = new HashMap<>();

  /** Every folder holding a scanned file, to tell a folder without kustomization from nothing. */
  private final Set<Path> folders = new HashSet<>();

  ScannedFiles(Discovery.Result result) {
    for (SourceFile f : result.files()) files.put(key(f.path()), f);
    for (SkippedFile s : result.skipped()) skippedReasons.put(s.file(), s.reason());
    for (Path p : files.keySet()) {
      Path dir = p.getParent();
      while (dir != null && folders.add(dir)) dir = dir.getParent();
    }
    for (SourceFile f : result.files()) {
      String name = f.path().getFileName().toString();
      if (!Kustomization.isKustomizationName(name)) continue;
      Path dir = key(f.path()).getParent();
      SourceFile kept = kustomizations.get(dir);
      if (kept == null || rank(name) < rank(kept.path().getFileName().toString()))
        kustomizations.put(dir, f);
    }
  }

  private static int rank(String name) {
    return Kustomization.FILE_NAMES.indexOf(name);
  }

  /**
   * The path an entry names from a folder, or null when it is no valid path (a NUL character): such
   * an entry names no scanned file.
   */
  static Path resolve(Path dir, String entry) {
    try {
      return key(dir.resolve(entry));
    } catch (InvalidPathException e) {
      return null;
    }
  }

  static Path key(Path p) {
    return p.toAbsolutePath().normalize();
  }

  SourceFile file(Path path) {
    return path == null ? null : files.get(key(path));
  }

  /**
   * Why discovery skipped the file {@code entry} names from the kustomization {@code from}, or
   * null: the file's shown path is the kustomization's folder with the entry resolved in it.
   */
  String skippedReason(SourceFile from, String entry) {
    try {
      Path shown = Path.of(from.display()).resolveSibling(entry).normalize();
      return skippedReasons.get(shown.toString().replace('\\', '/'));
    } catch (InvalidPathException e) {
      return null;
    }
  }

  Iterable<Path> kustomizationDirs() {
    return kustomizations.keySet();
  }

  /** The kustomization file of a folder that has one. */
  SourceFile kustomizationFile(Path dir) {
    return kustomizations.get(key(dir));
  }

  boolean isFolder(Path dir) {
    return dir != null && folders.contains(key(dir));
  }

  boolean isKustomizationDir(Path dir) {
    return dir != null && kustomizations.containsKey(key(dir));
  }

  /** The folder's kustomization, parsed once; a {@link RenderException} when it cannot be read. */
  Kustomization kustomization(Path dir) {
    Path k = key(dir);
    Kustomization known = parsed.get(k);
    if (known != null) return known;
    SourceFile f = kustomizations.get(k);
    Node doc = documents(f).stream().findFirst().orElse(null);
    if (!(doc instanceof MapNode m))
      throw new RenderException(f.display() + " is not a kustomization (not a YAML mapping)");
    Kustomization read = new Kustomization(k, f, m);
    parsed.put(k, read);
    return read;
  }

  /**
   * The file's documents: those discovery parsed, or, for a file discovery kept as text (a {@code
   * Kustomization} without extension), parsed here from its text.
   */
  List<Node> documents(SourceFile f) {
    if (!f.documents().isEmpty() || f.content() == null) return f.documents();
    try {
      return YamlLoader.loadAll(f.display(), f.content()).stream().filter(n -> n != null).toList();
    } catch (ParseException e) {
      throw new RenderException(f.display() + ": " + e.getMessage());
    }
  }
}
