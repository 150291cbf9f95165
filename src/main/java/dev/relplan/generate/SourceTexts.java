package dev.relplan.generate;

import dev.relplan.source.Location;
import dev.relplan.source.ScanRoots;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The scanned files as generators need them again: a model location's file on disk (read once more,
 * since the pipeline released every file's text) and its name relative to its scan root, which
 * diffs and generated files use so that they apply from that root.
 */
public final class SourceTexts {
  private final List<Path> roots;
  private final ScanRoots scanRoots;

  public SourceTexts(List<Path> roots, ScanRoots scanRoots) {
    this.roots = List.copyOf(roots);
    this.scanRoots = scanRoots;
  }

  /** The file relative to its scan root, forward slashes ("infra/app.yaml"). */
  public String relative(String scannedFile) {
    return scanRoots.rooted(new Location(scannedFile, 0)).file();
  }

  /**
   * Where generated files for this scanned file go inside the output directory: its root-relative
   * path, under "rootN/" when several roots were given (root names may be absolute paths).
   */
  public String outputPath(String scannedFile) {
    String relative = relative(scannedFile);
    if (!scanRoots.several()) return relative;
    String root = scanRoots.rooted(new Location(scannedFile, 0)).root();
    return "root" + (scanRoots.labels().indexOf(root) + 1) + "/" + relative;
  }

  /** The file on disk, or null when it belongs to no given root. */
  public Path path(String scannedFile) {
    Location rooted = scanRoots.rooted(new Location(scannedFile, 0));
    int index = scanRoots.several() ? scanRoots.labels().indexOf(rooted.root()) : 0;
    if (index < 0 || index >= roots.size()) return null;
    Path root = roots.get(index);
    return Files.isRegularFile(root) ? root : root.resolve(rooted.file());
  }

  /** The file's text, or null when it cannot be read again. */
  public String text(String scannedFile) {
    Path p = path(scannedFile);
    if (p == null) return null;
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }
}
