package dev.relplan.discover;

import dev.relplan.source.SkippedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Third-party code committed into a repository: installed Python packages ({@code site-packages},
 * Lambda layer trees, the packages a {@code *.dist-info} folder records beside it), {@code vendor/}
 * folders and minified JavaScript bundles. It is listed once as vendored rather than parsed: it is
 * not the workload's code and yields no finding.
 */
final class VendoredCode {
  static final String REASON = "vendored third-party code (not the workload's)";

  /** A .js file this large with lines this long on average is a bundle, not hand-written code. */
  private static final int BUNDLE_MIN_BYTES = 100_000;

  private static final int BUNDLE_MIN_AVERAGE_LINE = 1_000;

  /** Folders whose whole subtree is vendored, found during the walk (on several threads). */
  private final Set<Path> trees = ConcurrentHashMap.newKeySet();

  /** Folders holding installed packages beside their *.dist-info or *.egg-info records. */
  private final Set<Path> packageFolders = ConcurrentHashMap.newKeySet();

  /** Whether the walk should not enter {@code dir}: it is vendored or a package's record. */
  boolean skipsFolder(Path dir) {
    String name = dir.getFileName().toString();
    if (name.equals("site-packages") || name.equals("vendor")) {
      trees.add(dir);
      return true;
    }
    if (name.endsWith(".dist-info") || name.endsWith(".egg-info")) {
      packageFolders.add(dir.getParent());
      return true;
    }
    return false;
  }

  /**
   * The vendored paths once the walk is over: whole folders, and the installed packages of a folder
   * that also holds the workload's own files (a function folder packaged with {@code pip install -t
   * .}). A folder whose every entry is an installed package is one vendored tree.
   */
  Set<Path> vendoredPaths() {
    Set<Path> out = new HashSet<>(trees);
    for (Path folder : packageFolders) {
      Set<String> installed = installedNames(folder);
      List<Path> entries = new ArrayList<>();
      try (DirectoryStream<Path> children = Files.newDirectoryStream(folder)) {
        children.forEach(entries::add);
      } catch (IOException e) {
        continue;
      }
      List<Path> covered =
          entries.stream().filter(e -> installed.contains(e.getFileName().toString())).toList();
      if (covered.size() == entries.size() || isLayerPackageFolder(folder)) out.add(folder);
      else out.addAll(covered);
    }
    // Only the outermost of nested vendored paths is listed.
    out.removeIf(p -> within(p.getParent(), out));
    return out;
  }

  /**
   * A Lambda layer's {@code python/} folder holding package records: the runtime adds it to the
   * import path, and everything in it is what {@code pip install -t} put there or what was copied
   * beside it (a package without a record, the requirements file it was installed from).
   */
  private static boolean isLayerPackageFolder(Path folder) {
    return folder.getFileName() != null && folder.getFileName().toString().equals("python");
  }

  /** Whether {@code path} or one of its ancestors is in {@code vendored}. */
  static boolean within(Path path, Set<Path> vendored) {
    for (Path p = path; p != null; p = p.getParent()) if (vendored.contains(p)) return true;
    return false;
  }

  /** A minified bundle: named so, or long lines throughout a large file. */
  static boolean isBundle(String lowerName, byte[] bytes) {
    if (lowerName.endsWith(".min.js")) return true;
    if (!(lowerName.endsWith(".js") || lowerName.endsWith(".mjs") || lowerName.endsWith(".cjs"))
        || bytes.length < BUNDLE_MIN_BYTES) return false;
    int lines = 1;
    for (byte b : bytes) if (b == '\n') lines++;
    return bytes.length / lines >= BUNDLE_MIN_AVERAGE_LINE;
  }

  static SkippedFile entry(String display) {
    return new SkippedFile(display, REASON);
  }

  /**
   * Top-level names a folder's package records install: the first segment of every RECORD path
   * (wheels), the names in top_level.txt (eggs and older wheels), and the records themselves.
   */
  private static Set<String> installedNames(Path folder) {
    // pip install -t puts console scripts in bin/ beside the packages; RECORD names them ../../bin.
    Set<String> names = new HashSet<>(Set.of("__pycache__", "bin"));
    try (DirectoryStream<Path> children = Files.newDirectoryStream(folder)) {
      for (Path child : children) {
        String name = child.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".dist-info") && !name.endsWith(".egg-info")) continue;
        names.add(child.getFileName().toString());
        recordNames(child.resolve("RECORD"), names);
        topLevelNames(child.resolve("top_level.txt"), names);
      }
    } catch (IOException e) {
      // An unreadable folder vendors nothing: its files are read as the workload's.
    }
    return names;
  }

  private static void recordNames(Path record, Set<String> names) {
    for (String line : lines(record)) {
      String path = line.startsWith("\"") ? line.substring(1) : line;
      int end = firstOf(path, ',', '/');
      String first = end < 0 ? path : path.substring(0, end);
      if (!first.isEmpty() && !first.equals("..")) names.add(first);
    }
  }

  private static void topLevelNames(Path topLevel, Set<String> names) {
    for (String line : lines(topLevel)) {
      String name = line.strip();
      if (name.isEmpty()) continue;
      names.add(name);
      names.add(name + ".py");
    }
  }

  private static List<String> lines(Path file) {
    try {
      return Files.isRegularFile(file)
          ? Files.readAllLines(file, StandardCharsets.UTF_8)
          : List.of();
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  private static int firstOf(String s, char a, char b) {
    for (int i = 0; i < s.length(); i++) if (s.charAt(i) == a || s.charAt(i) == b) return i;
    return -1;
  }

  /** Display names of the vendored paths under one root, sorted. */
  static List<SkippedFile> entries(Set<Path> vendored, Path root, String prefix) {
    TreeMap<String, Path> byDisplay = new TreeMap<>();
    for (Path p : vendored) {
      String rel = root.relativize(p).toString().replace('\\', '/');
      byDisplay.put(prefix + rel + (Files.isDirectory(p) ? "/" : ""), p);
    }
    return byDisplay.keySet().stream().map(VendoredCode::entry).toList();
  }
}
