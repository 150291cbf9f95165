package dev.relplan.source;

/**
 * A place in a scanned file: path relative to the scanned root (forward slashes) and 1-based line.
 */
public record Location(String file, int line) implements Comparable<Location> {
  @Override
  public int compareTo(Location o) {
    int c = file.compareTo(o.file);
    return c != 0 ? c : Integer.compare(line, o.line);
  }

  @Override
  public String toString() {
    return file + ":" + line;
  }
}
