package dev.relplan.parse;

/** Bounds that keep hostile input from exhausting memory or stack. */
public final class Limits {
  /** Deepest nesting of maps and lists accepted in a YAML or JSON document. */
  public static final int MAX_DEPTH = 128;

  /** Most nodes a document may expand to, counting every alias at its full size. */
  public static final long MAX_EXPANDED_NODES = 2_000_000;

  /** Most aliases a YAML document may use. */
  public static final int MAX_ALIASES = 200;

  /** Largest file read, in bytes. */
  public static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

  private Limits() {}
}
