package dev.relplan.parse.hcl;

/**
 * A syntax error in an HCL (native or JSON) file, located at a 1-based line and column.
 *
 * <p>The parsers throw only this exception for problems in their input. {@link #getMessage()} has
 * the form {@code path:line:column: detail}.
 */
public final class HclSyntaxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final int column;
  private final String detail;

  public HclSyntaxException(String file, int line, int column, String detail) {
    super(file + ":" + line + ":" + column + ": " + detail, null, false, false);
    this.file = file;
    this.line = line;
    this.column = column;
    this.detail = detail;
  }

  /** The display path given to the parser. */
  public String file() {
    return file;
  }

  /** 1-based line of the error. */
  public int line() {
    return line;
  }

  /** 1-based column (in code points) of the error. */
  public int column() {
    return column;
  }

  /** The message without the location prefix. */
  public String detail() {
    return detail;
  }
}
