package dev.relplan.code.python;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.treesitter.TSNode;

/**
 * A syntax node copied out of tree-sitter once, so the scanner walks plain Java objects: its type,
 * the field name it has in its parent, its 1-based line, its source text, and its children.
 */
final class PyNode {
  /** Nesting beyond this is not copied (pathological input); the scanner sees a truncated subtree. */
  private static final int MAX_DEPTH = 400;

  final String type;
  final String field;
  final int line;
  final int start;
  final int end;
  final List<PyNode> children = new ArrayList<>();
  PyNode parent;
  private final byte[] source;

  private PyNode(String type, String field, int line, int start, int end, byte[] source) {
    this.type = type;
    this.field = field;
    this.line = line;
    this.start = start;
    this.end = end;
    this.source = source;
  }

  static PyNode copy(TSNode root, byte[] source) {
    return copy(root, null, source, 0);
  }

  private static PyNode copy(TSNode n, String field, byte[] source, int depth) {
    PyNode out = new PyNode(n.getType(), field, n.getStartPoint().getRow() + 1, n.getStartByte(), n.getEndByte(), source);
    if (depth >= MAX_DEPTH) return out;
    int count = n.getChildCount();
    for (int i = 0; i < count; i++) {
      TSNode c = n.getChild(i);
      if (!c.isNamed()) continue;
      PyNode child = copy(c, n.getFieldNameForChild(i), source, depth + 1);
      child.parent = out;
      out.children.add(child);
    }
    return out;
  }

  String text() {
    int s = Math.max(0, Math.min(start, source.length));
    int e = Math.max(s, Math.min(end, source.length));
    return new String(source, s, e - s, StandardCharsets.UTF_8);
  }

  PyNode field(String name) {
    for (PyNode c : children) if (name.equals(c.field)) return c;
    return null;
  }

  boolean is(String t) {
    return type.equals(t);
  }

  /** Every descendant (and this node) of a type, in source order. */
  List<PyNode> all(String t) {
    List<PyNode> out = new ArrayList<>();
    collect(this, t, out);
    return out;
  }

  private static void collect(PyNode n, String t, List<PyNode> out) {
    if (n.type.equals(t)) out.add(n);
    for (PyNode c : n.children) collect(c, t, out);
  }

  /** The nearest ancestor of a type, or null. */
  PyNode ancestor(String t) {
    for (PyNode p = parent; p != null; p = p.parent) if (p.type.equals(t)) return p;
    return null;
  }

  /** The value of a string literal without quotes or prefix, or null when this is not a plain string. */
  String stringValue() {
    if (!type.equals("string")) return null;
    StringBuilder sb = new StringBuilder();
    for (PyNode c : children) {
      if (c.is("interpolation")) return null;
      if (c.is("string_content")) sb.append(c.text());
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return type + "@" + line;
  }
}
