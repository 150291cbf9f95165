package dev.relplan.generate;

/**
 * One file a generator writes: its path relative to the output directory (forward slashes, never
 * leaving it) and its text.
 */
public record GeneratedFile(String path, String content) {
  public GeneratedFile {
    if (path.startsWith("/") || path.contains("\\") || ("/" + path + "/").contains("/../"))
      throw new IllegalArgumentException("generated path leaves the output directory: " + path);
  }
}
