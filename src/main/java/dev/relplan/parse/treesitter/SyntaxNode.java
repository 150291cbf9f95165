package dev.relplan.parse.treesitter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.treesitter.TSNode;

/**
 * A syntax node copied out of tree-sitter once, so a scanner walks plain Java objects: its type,
 * the field name it has in its parent, its 1-based line, its source text and its named children.
 * Each language's node type extends this and adds what only that grammar needs (string literals,
 * scopes).
 */
public abstract class SyntaxNode<N extends SyntaxNode<N>> {
  /**
   * Nesting beyond this is not copied (pathological input); the scanner sees a truncated subtree.
   */
  public static final int MAX_DEPTH = 400;

  public final String type;
  public final String field;
  public final int line;
  public final int start;
  public final int end;
  public final List<N> children = new ArrayList<>();
  public N parent;
  private final byte[] source;

  /**
   * Descendants by type, computed once per node and type asked for: scanners ask the same questions
   * many times.
   */
  private Map<String, List<N>> allOf;

  /** Creates the language's node type. */
  public interface Factory<N> {
    N create(String type, String field, int line, int start, int end, byte[] source);
  }

  protected SyntaxNode(String type, String field, int line, int start, int end, byte[] source) {
    this.type = type;
    this.field = field;
    this.line = line;
    this.start = start;
    this.end = end;
    this.source = source;
  }

  /** Copies the named nodes of a tree, depth-first, up to {@link #MAX_DEPTH} ({@link TreeCopy}). */
  protected static <N extends SyntaxNode<N>> N copyTree(
      TSNode root, byte[] source, Factory<N> factory) {
    return new TreeCopy<>(withoutByteOrderMarks(source), factory).copy(root);
  }

  /**
   * The source without any U+FEFF (byte order mark or zero-width no-break space): the tree-sitter
   * binding removes every one before parsing, so node offsets count the text without them.
   */
  private static byte[] withoutByteOrderMarks(byte[] source) {
    int marks = 0;
    for (int i = 0; i + 2 < source.length; i++) if (isMark(source, i)) marks++;
    if (marks == 0) return source;
    byte[] out = new byte[source.length - 3 * marks];
    int n = 0;
    for (int i = 0; i < source.length; i++) {
      if (i + 2 < source.length && isMark(source, i)) i += 2;
      else out[n++] = source[i];
    }
    return out;
  }

  private static boolean isMark(byte[] b, int i) {
    return b[i] == (byte) 0xEF && b[i + 1] == (byte) 0xBB && b[i + 2] == (byte) 0xBF;
  }

  public String text() {
    int s = Math.max(0, Math.min(start, source.length));
    int e = Math.max(s, Math.min(end, source.length));
    return new String(source, s, e - s, StandardCharsets.UTF_8);
  }

  /** The child with a field name, or null. */
  public N field(String name) {
    // Indexed, here and in collect: the run's client compiler does not remove an iterator's
    // allocation, and these loops run over every node of every copied tree.
    for (int i = 0; i < children.size(); i++) {
      N c = children.get(i);
      if (name.equals(c.field)) return c;
    }
    return null;
  }

  public boolean is(String t) {
    return type.equals(t);
  }

  /**
   * Every descendant (and this node) of a type, in source order (an unmodifiable list). Cached, and
   * synchronized because scanners read other files' trees from their own threads (a Go package's
   * files are read together).
   */
  public synchronized List<N> all(String t) {
    if (allOf == null) allOf = new HashMap<>();
    return allOf.computeIfAbsent(
        t,
        k -> {
          List<N> out = new ArrayList<>();
          collect(self(), k, out);
          return Collections.unmodifiableList(out);
        });
  }

  private static <N extends SyntaxNode<N>> void collect(N n, String t, List<N> out) {
    if (n.type.equals(t)) out.add(n);
    List<N> children = n.children;
    for (int i = 0; i < children.size(); i++) collect(children.get(i), t, out);
  }

  /** The nearest ancestor of a type, or null. */
  public N ancestor(String t) {
    for (N p = parent; p != null; p = p.parent) if (p.type.equals(t)) return p;
    return null;
  }

  /**
   * " at line N" for the first syntax error tree-sitter recovered from in a tree, or "" when none
   * is located.
   */
  public static String errorLine(TSNode n) {
    if (n.isError() || n.isMissing()) return " at line " + (n.getStartPoint().getRow() + 1);
    for (int i = 0; i < n.getChildCount(); i++) {
      TSNode c = n.getChild(i);
      if (c.hasError() || c.isError() || c.isMissing()) return errorLine(c);
    }
    return "";
  }

  @SuppressWarnings("unchecked")
  private N self() {
    return (N) this;
  }

  @Override
  public String toString() {
    return type + "@" + line;
  }
}
