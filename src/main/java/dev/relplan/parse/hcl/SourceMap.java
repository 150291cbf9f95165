package dev.relplan.parse.hcl;

import java.util.Arrays;

/**
 * Turns indexes into the text being lexed into file positions. For native files the lexed text is
 * the file itself; for template strings inside JSON files the lexed text is the decoded string and
 * {@code map} gives, for each decoded char index, the offset of its source char in the file.
 */
final class SourceMap {
  final String file;
  private final String content;
  private final int[] lineStarts;
  private final int[] map;

  /**
   * Number of paired low surrogates before each offset, or null when the content has none; lets
   * columns be computed in O(1) even on very long lines.
   */
  private final int[] lowSurrogatesBefore;

  SourceMap(String file, String content) {
    this(file, content, computeLineStarts(content), null, computeSurrogates(content));
  }

  private SourceMap(String file, String content, int[] lineStarts, int[] map, int[] surrogates) {
    this.file = file;
    this.content = content;
    this.lineStarts = lineStarts;
    this.map = map;
    this.lowSurrogatesBefore = surrogates;
  }

  /** A map for text whose char {@code i} sits at file offset {@code map[i]}. */
  SourceMap withMap(int[] map) {
    return new SourceMap(file, content, lineStarts, map, lowSurrogatesBefore);
  }

  private static int[] computeSurrogates(String s) {
    boolean any = false;
    for (int i = 0; i < s.length() && !any; i++) {
      any = Character.isLowSurrogate(s.charAt(i));
    }
    if (!any) {
      return null;
    }
    int[] before = new int[s.length() + 1];
    for (int i = 0; i < s.length(); i++) {
      boolean paired =
          Character.isLowSurrogate(s.charAt(i))
              && i > 0
              && Character.isHighSurrogate(s.charAt(i - 1));
      before[i + 1] = before[i] + (paired ? 1 : 0);
    }
    return before;
  }

  private static int[] computeLineStarts(String s) {
    int count = 1;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\n') {
        count++;
      }
    }
    int[] starts = new int[count];
    int k = 1;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\n') {
        starts[k++] = i + 1;
      }
    }
    return starts;
  }

  int fileOffset(int idx) {
    if (map == null) {
      return Math.max(0, Math.min(idx, content.length()));
    }
    if (map.length == 0) {
      return 0;
    }
    return map[Math.max(0, Math.min(idx, map.length - 1))];
  }

  private int lineIndexOf(int offset) {
    int k = Arrays.binarySearch(lineStarts, offset);
    return k >= 0 ? k : -k - 2;
  }

  int line(int offset) {
    return lineIndexOf(offset) + 1;
  }

  int column(int offset) {
    int start = lineStarts[lineIndexOf(offset)];
    int end = Math.min(offset, content.length());
    if (end <= start) {
      return 1;
    }
    int units = end - start;
    if (lowSurrogatesBefore != null) {
      // A surrogate pair is one code point (a line never starts inside a pair).
      units -= lowSurrogatesBefore[end] - lowSurrogatesBefore[start];
    }
    return units + 1;
  }

  /** A range for lexed-text indexes {@code [start, end)}. */
  SourceRange range(int start, int end) {
    int s = fileOffset(start);
    int e = Math.max(s, fileOffset(end));
    return fileRange(s, e);
  }

  /** A range for file offsets {@code [s, e)}. */
  SourceRange fileRange(int s, int e) {
    return new SourceRange(file, line(s), column(s), line(e), column(e), s, e);
  }

  HclSyntaxException error(int idx, String detail) {
    int off = fileOffset(idx);
    return new HclSyntaxException(file, line(off), column(off), detail);
  }

  HclSyntaxException fileError(int offset, String detail) {
    int off = Math.max(0, Math.min(offset, content.length()));
    return new HclSyntaxException(file, line(off), column(off), detail);
  }
}
