package dev.relplan.discover;

import dev.relplan.parse.LineIndex;
import dev.relplan.parse.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A discovered file: {@code path} is its real location, {@code display} the path shown in evidence
 * (relative to the scanned root, forward slashes). Structured files carry their parsed documents.
 *
 * <p>Once every adapter has read it, the pipeline {@link #release() releases} its text and trees;
 * the lines evidence quotes are then read again from disk, once per file.
 */
public final class SourceFile {
  private final Path path;
  private final String display;
  private final FileKind kind;

  /** The text, null once released. */
  private String content;

  /** The parsed documents, null once released. */
  private List<Node> documents;

  /** The text's length and hash: a file re-read after release must still have this text. */
  private final int contentLength;

  private final int contentHash;

  private volatile boolean released;

  /** Where each line starts, built on the first line asked for: evidence asks for many. */
  private volatile LineIndex lines;

  public SourceFile(
      Path path, String display, FileKind kind, String content, List<Node> documents) {
    this.path = path;
    this.display = display;
    this.kind = kind;
    this.content = content;
    this.documents = documents;
    this.contentLength = content == null ? 0 : content.length();
    this.contentHash = content == null ? 0 : content.hashCode();
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
    if (released) throw released();
    return content;
  }

  public List<Node> documents() {
    if (released) throw released();
    return documents;
  }

  public Node document() {
    List<Node> docs = documents();
    return docs.isEmpty() ? null : docs.get(0);
  }

  private IllegalStateException released() {
    return new IllegalStateException(display + " was released after adaptation");
  }

  /**
   * Lets go of the text and the parsed documents, which on a large repository hold much of the
   * heap, once every adapter has adapted and linked. {@link #line} still answers: it reads the file
   * again when first asked.
   */
  public void release() {
    released = true;
    documents = null;
    content = null;
  }

  /**
   * The text of a 1-based line, trimmed, or "" when out of range. Lines end at LF, CRLF or a lone
   * CR, as the YAML and JSON parsers count them.
   */
  public String line(int line) {
    if (line < 1) return "";
    LineIndex index = lines;
    if (index == null) {
      String text = released ? reread() : content;
      if (text == null) return "";
      lines = index = new LineIndex(text);
    }
    return index.text(line).strip();
  }

  /**
   * The released text read again from disk, or null when the file cannot be read or no longer holds
   * the text that was analysed (it changed during the run): evidence then quotes no line rather
   * than a line the findings were not made from.
   */
  private String reread() {
    try {
      // UTF-8 takes at most three bytes per UTF-16 char, plus a byte-order mark: a larger file
      // cannot hold the text, and is not read into memory to find that out.
      if (Files.size(path) > 3L * contentLength + 3) return null;
      String text = Discovery.decode(Files.readAllBytes(path));
      return text.length() == contentLength && text.hashCode() == contentHash ? text : null;
    } catch (IOException e) {
      return null;
    }
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
