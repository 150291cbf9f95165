package dev.relplan.code.go;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.treesitter.TSNode;

/**
 * A Go syntax node copied out of tree-sitter once, so the scanner walks plain Java objects: its type,
 * the field name it has in its parent, its 1-based line, its source text, and its children.
 */
final class GoNode {
  /** Nesting beyond this is not copied (pathological input); the scanner sees a truncated subtree. */
  private static final int MAX_DEPTH = 400;

  final String type;
  final String field;
  final int line;
  final int start;
  final int end;
  final List<GoNode> children = new ArrayList<>();
  GoNode parent;
  private final byte[] source;

  private GoNode(String type, String field, int line, int start, int end, byte[] source) {
    this.type = type;
    this.field = field;
    this.line = line;
    this.start = start;
    this.end = end;
    this.source = source;
  }

  static GoNode copy(TSNode root, byte[] source) {
    return copy(root, null, source, 0);
  }

  private static GoNode copy(TSNode n, String field, byte[] source, int depth) {
    GoNode out = new GoNode(n.getType(), field, n.getStartPoint().getRow() + 1, n.getStartByte(), n.getEndByte(), source);
    if (depth >= MAX_DEPTH) return out;
    int count = n.getChildCount();
    for (int i = 0; i < count; i++) {
      TSNode c = n.getChild(i);
      if (!c.isNamed()) continue;
      GoNode child = copy(c, n.getFieldNameForChild(i), source, depth + 1);
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

  GoNode field(String name) {
    for (GoNode c : children) if (name.equals(c.field)) return c;
    return null;
  }

  boolean is(String t) {
    return type.equals(t);
  }

  /** Every descendant (and this node) of a type, in source order (an unmodifiable list). */
  List<GoNode> all(String t) {
    if (allOf == null) allOf = new java.util.HashMap<>();
    return allOf.computeIfAbsent(t, k -> {
      List<GoNode> out = new ArrayList<>();
      collect(this, k, out);
      return java.util.Collections.unmodifiableList(out);
    });
  }

  /** Descendants by type, computed once per node and type asked for: the scanner asks the same questions many times. */
  private java.util.Map<String, List<GoNode>> allOf;

  private static void collect(GoNode n, String t, List<GoNode> out) {
    if (n.type.equals(t)) out.add(n);
    for (GoNode c : n.children) collect(c, t, out);
  }

  /** The nearest ancestor of a type, or null. */
  GoNode ancestor(String t) {
    for (GoNode p = parent; p != null; p = p.parent) if (p.type.equals(t)) return p;
    return null;
  }

  /** The value of a Go string literal (interpreted without escapes, or raw), or null when this is not one. */
  String stringValue() {
    if (type.equals("raw_string_literal")) {
      String t = text();
      return t.length() >= 2 ? t.substring(1, t.length() - 1) : null;
    }
    if (!type.equals("interpreted_string_literal")) return null;
    StringBuilder sb = new StringBuilder();
    for (GoNode c : children) {
      if (c.is("interpreted_string_literal_content")) sb.append(c.text());
      else return null; // escape sequences: not needed for what the scanner reads
    }
    return sb.toString();
  }

  /** The nearest enclosing function: a declaration, a method or a function literal. */
  GoNode function() {
    for (GoNode p = parent; p != null; p = p.parent) {
      if (p.is("function_declaration") || p.is("method_declaration") || p.is("func_literal")) return p;
    }
    return null;
  }

  /** The top-level function or method declaration this node is in (closures included), or null at package level. */
  GoNode declaration() {
    for (GoNode p = parent; p != null; p = p.parent) {
      if (p.is("function_declaration") || p.is("method_declaration")) return p;
    }
    return null;
  }

  @Override
  public String toString() {
    return type + "@" + line;
  }
}
