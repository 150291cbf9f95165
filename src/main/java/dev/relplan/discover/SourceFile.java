package dev.relplan.discover;

import dev.relplan.parse.Node;
import java.nio.file.Path;
import java.util.List;

/**
 * A discovered file: {@code path} is its real location, {@code display} the path shown in evidence
 * (relative to the scanned root, forward slashes). Structured files carry their parsed documents.
 */
public record SourceFile(Path path, String display, FileKind kind, String content, List<Node> documents) {
  public Node document() {
    return documents.isEmpty() ? null : documents.get(0);
  }

  /** The text of a 1-based line, trimmed, or "" when out of range. */
  public String line(int line) {
    if (content == null || line < 1) return "";
    int start = 0;
    for (int i = 1; i < line; i++) {
      start = content.indexOf('\n', start);
      if (start < 0) return "";
      start++;
    }
    int end = content.indexOf('\n', start);
    return (end < 0 ? content.substring(start) : content.substring(start, end)).strip();
  }
}
