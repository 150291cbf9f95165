package dev.relplan.parse;

/**
 * A file that cannot be read as the format it claims to be; the message is the reason shown to
 * users.
 */
public final class ParseException extends Exception {
  private final int line;

  public ParseException(String message, int line) {
    super(message);
    this.line = line;
  }

  /** 1-based line of the problem, 0 when it concerns the whole file. */
  public int line() {
    return line;
  }
}
