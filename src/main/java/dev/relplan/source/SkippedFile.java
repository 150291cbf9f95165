package dev.relplan.source;

/** A file that was not analysed, with the reason shown to the user. */
public record SkippedFile(String file, String reason) implements Comparable<SkippedFile> {
  @Override
  public int compareTo(SkippedFile o) {
    return file.compareTo(o.file);
  }
}
