package dev.relplan.source;

import java.util.Comparator;
import java.util.Objects;

/**
 * A place in a scanned file: 1-based line in {@code file} (forward slashes). While the scan runs,
 * {@code root} is null and {@code file} is the path the scan knows the file by, which carries the
 * root's name in front when several roots were given; {@link ScanRoots#rooted} gives the reports'
 * form, where {@code root} names the scan root and {@code file} is relative to it.
 */
public record Location(String root, String file, int line) implements Comparable<Location> {
  private static final Comparator<String> ROOTS = Comparator.nullsFirst(Comparator.naturalOrder());

  /** A location as the scan records it, before its root is split off. */
  public Location(String file, int line) {
    this(null, file, line);
  }

  @Override
  public int compareTo(Location o) {
    int c = Objects.compare(root, o.root, ROOTS);
    if (c != 0) return c;
    c = file.compareTo(o.file);
    return c != 0 ? c : Integer.compare(line, o.line);
  }

  /**
   * As the record's own would be, written out: locations are hash keys from the first template on,
   * and the generated method is linked at its first call (method handles built in the interpreter,
   * a few milliseconds of each run, on every thread that races to it).
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof Location l
        && line == l.line
        && Objects.equals(root, l.root)
        && Objects.equals(file, l.file);
  }

  /** The record's hash: each component's hash folded in order with 31. */
  @Override
  public int hashCode() {
    return (Objects.hashCode(root) * 31 + Objects.hashCode(file)) * 31 + Integer.hashCode(line);
  }

  @Override
  public String toString() {
    return file + ":" + line;
  }
}
