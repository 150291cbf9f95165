package dev.relplan.discover;

import dev.relplan.parse.Node;
import java.nio.file.Path;
import java.util.List;

/**
 * A discovered file: {@code path} is its real location, {@code display} the path shown in evidence
 * (relative to the scanned root, forward slashes). Structured files carry their parsed documents.
 */
public record SourceFile(
    Path path, String display, FileKind kind, String content, List<Node> documents) {
  public Node document() {
    return documents.isEmpty() ? null : documents.get(0);
  }

  /**
   * The text of a 1-based line, trimmed, or "" when out of range. Lines end at LF, CRLF or a lone
   * CR, as the YAML and JSON parsers count them.
   */
  public String line(int line) {
    if (content == null || line < 1) return "";
    int start = 0;
    for (int i = 1; i < line; i++) {
      int brk = nextBreak(start);
      if (brk < 0) return "";
      start = brk + (content.startsWith("\r\n", brk) ? 2 : 1);
    }
    int end = nextBreak(start);
    return (end < 0 ? content.substring(start) : content.substring(start, end)).strip();
  }

  private int nextBreak(int from) {
    for (int i = from; i < content.length(); i++) {
      char c = content.charAt(i);
      if (c == '\n' || c == '\r') return i;
    }
    return -1;
  }
}
