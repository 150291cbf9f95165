package dev.relplan.parse.hcl;

/**
 * A span of source text in one file.
 *
 * <p>Lines and columns are 1-based; columns count Unicode code points from the start of the line (a
 * tab counts as one column). The end position is exclusive: it is the position just past the last
 * character of the span, so for a block the end line is the line of its closing brace. Offsets are
 * 0-based {@code char} indexes into the file content passed to the parser.
 */
public record SourceRange(
    String file, int line, int column, int endLine, int endColumn, int startOffset, int endOffset) {

  /** A range from the start of this range to the end of {@code end}. */
  public SourceRange to(SourceRange end) {
    return new SourceRange(
        file, line, column, end.endLine, end.endColumn, startOffset, end.endOffset);
  }

  /** {@code file:line:column} of the start. */
  public String location() {
    return file + ":" + line + ":" + column;
  }

  @Override
  public String toString() {
    return location();
  }
}
