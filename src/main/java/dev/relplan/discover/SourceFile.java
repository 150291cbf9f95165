package dev.relplan.discover;

import dev.relplan.parse.LineIndex;
import dev.relplan.parse.Node;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A discovered file: {@code path} is its real location, {@code display} the path shown in evidence
 * (relative to the scanned root, forward slashes). Structured files carry their parsed documents.
 */
public final class SourceFile {
  private final Path path;
  private final String display;
  private final FileKind kind;
  private final String content;
  private final List<Node> documents;

  /** Where each line starts, built on the first line asked for: evidence asks for many. */
  private volatile LineIndex lines;

  public SourceFile(
      Path path, String display, FileKind kind, String content, List<Node> documents) {
    this.path = path;
    this.display = display;
    this.kind = kind;
    this.content = content;
    this.documents = documents;
  }

  public Path path() {
    return path;
  }

  public String display() {
    return display;
  }

  public FileKind kind() {
    return kind;
  }

  public String content() {
    return content;
  }

  public List<Node> documents() {
    return documents;
  }

  public Node document() {
    return documents.isEmpty() ? null : documents.get(0);
  }

  /**
   * The text of a 1-based line, trimmed, or "" when out of range. Lines end at LF, CRLF or a lone
   * CR, as the YAML and JSON parsers count them.
   */
  public String line(int line) {
    if (content == null || line < 1) return "";
    LineIndex index = lines;
    if (index == null) lines = index = new LineIndex(content);
    return index.text(line).strip();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SourceFile f
        && Objects.equals(path, f.path)
        && Objects.equals(display, f.display)
        && kind == f.kind
        && Objects.equals(content, f.content)
        && Objects.equals(documents, f.documents);
  }

  /** From the identity fields only: hashing a parsed tree would walk all of it on every lookup. */
  @Override
  public int hashCode() {
    return Objects.hash(path, display, kind);
  }

  @Override
  public String toString() {
    return "SourceFile[path=" + path + ", display=" + display + ", kind=" + kind + "]";
  }
}
