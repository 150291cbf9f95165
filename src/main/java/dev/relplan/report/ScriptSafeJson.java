package dev.relplan.report;

import java.io.IOException;
import java.io.Writer;

/**
 * Passes JSON text on with the characters that could end or confuse the HTML {@code <script>}
 * element holding it written as JSON escapes: {@code <} and {@code >} (so no {@code </script>} or
 * {@code <!--} from a scanned name closes the element or opens a comment), {@code &}, and U+2028
 * and U+2029 (line terminators to older JavaScript). In JSON these characters occur only inside
 * strings, where {@code \\u003c} and the others mean the same characters, so the parsed report is
 * unchanged.
 */
final class ScriptSafeJson extends Writer {
  private final Writer target;

  ScriptSafeJson(Writer target) {
    this.target = target;
  }

  @Override
  public void write(char[] chars, int offset, int length) throws IOException {
    int start = offset;
    int end = offset + length;
    for (int i = offset; i < end; i++) {
      String escape = escape(chars[i]);
      if (escape == null) continue;
      target.write(chars, start, i - start);
      target.write(escape);
      start = i + 1;
    }
    target.write(chars, start, end - start);
  }

  private static String escape(char c) {
    return switch (c) {
      case '<' -> "\\u003c";
      case '>' -> "\\u003e";
      case '&' -> "\\u0026";
      case '\u2028' -> "\\u2028";
      case '\u2029' -> "\\u2029";
      default -> null;
    };
  }

  /** The target belongs to the caller: nothing to flush or close here. */
  @Override
  public void flush() {}

  @Override
  public void close() {}
}
