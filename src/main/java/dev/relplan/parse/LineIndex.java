package dev.relplan.parse;

import java.util.Arrays;

/**
 * Where each line of a text starts, found in one pass, so that a line's text or an offset's line is
 * found without rescanning the text from its start. Lines end at LF, CRLF or a lone CR, as the YAML
 * and JSON parsers count them.
 */
public final class LineIndex {
  private final String text;

  /** The offset at which each line starts; line n (1-based) starts at {@code starts[n - 1]}. */
  private final int[] starts;

  public LineIndex(String text) {
    this.text = text;
    this.starts = lineStarts(text);
  }

  private static int[] lineStarts(String text) {
    int[] starts = new int[16];
    int count = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\n' && c != '\r') continue;
      if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
      if (count == starts.length) starts = Arrays.copyOf(starts, count * 2);
      starts[count++] = i + 1;
    }
    return Arrays.copyOf(starts, count);
  }

  /** The number of lines; a text ending with a line break has an empty last line. */
  public int lineCount() {
    return starts.length;
  }

  /** The 1-based line holding an offset (offsets past the end are on the last line). */
  public int lineOf(int offset) {
    int k = Arrays.binarySearch(starts, Math.max(0, offset));
    return k >= 0 ? k + 1 : -k - 1;
  }

  /** The offset at which a 1-based line starts (line 1 when out of range below, the end above). */
  public int startOf(int line) {
    if (line < 1) return 0;
    return line > starts.length ? text.length() : starts[line - 1];
  }

  /** The text of a 1-based line without its line break, or "" when out of range. */
  public String text(int line) {
    if (line < 1 || line > starts.length) return "";
    int start = starts[line - 1];
    int end = line < starts.length ? starts[line] : text.length();
    while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) end--;
    return text.substring(start, end);
  }
}
