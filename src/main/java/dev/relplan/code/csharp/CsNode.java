package dev.relplan.code.csharp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.treesitter.TSNode;

/**
 * A C# syntax node copied out of tree-sitter once, so the scanner walks plain Java objects: its type,
 * the field name it has in its parent, its 1-based line, its source text, and its children.
 */
final class CsNode {
  /** Nesting beyond this is not copied (pathological input); the scanner sees a truncated subtree. */
  private static final int MAX_DEPTH = 400;

  final String type;
  final String field;
  final int line;
  final int start;
  final int end;
  final List<CsNode> children = new ArrayList<>();
  CsNode parent;
  private final byte[] source;

  private CsNode(String type, String field, int line, int start, int end, byte[] source) {
    this.type = type;
    this.field = field;
    this.line = line;
    this.start = start;
    this.end = end;
    this.source = source;
  }

  static CsNode copy(TSNode root, byte[] source) {
    return copy(root, null, source, 0);
  }

  private static CsNode copy(TSNode n, String field, byte[] source, int depth) {
    CsNode out = new CsNode(n.getType(), field, n.getStartPoint().getRow() + 1, n.getStartByte(), n.getEndByte(), source);
    if (depth >= MAX_DEPTH) return out;
    int count = n.getChildCount();
    for (int i = 0; i < count; i++) {
      TSNode c = n.getChild(i);
      if (!c.isNamed()) continue;
      CsNode child = copy(c, n.getFieldNameForChild(i), source, depth + 1);
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

  CsNode field(String name) {
    for (CsNode c : children) if (name.equals(c.field)) return c;
    return null;
  }

  boolean is(String t) {
    return type.equals(t);
  }

  /** Every descendant (and this node) of a type, in source order (an unmodifiable list). */
  List<CsNode> all(String t) {
    if (allOf == null) allOf = new java.util.HashMap<>();
    return allOf.computeIfAbsent(t, k -> {
      List<CsNode> out = new ArrayList<>();
      collect(this, k, out);
      return java.util.Collections.unmodifiableList(out);
    });
  }

  /** Descendants by type, computed once per node and type asked for: the scanner asks the same questions many times. */
  private java.util.Map<String, List<CsNode>> allOf;

  private static void collect(CsNode n, String t, List<CsNode> out) {
    if (n.type.equals(t)) out.add(n);
    for (CsNode c : n.children) collect(c, t, out);
  }

  /** The nearest ancestor of a type, or null. */
  CsNode ancestor(String t) {
    for (CsNode p = parent; p != null; p = p.parent) if (p.type.equals(t)) return p;
    return null;
  }

  /** The value of a plain string literal (no interpolation, no escapes), or null. */
  String stringValue() {
    if (type.equals("verbatim_string_literal")) {
      String t = text();
      return t.length() >= 3 ? t.substring(2, t.length() - 1) : null;
    }
    if (!type.equals("string_literal")) return null;
    StringBuilder sb = new StringBuilder();
    for (CsNode c : children) {
      if (c.is("string_literal_content")) sb.append(c.text());
      else return null;
    }
    return sb.toString();
  }

  /** The nearest enclosing member or function body: a method, constructor, local function, accessor or lambda. */
  CsNode scope() {
    for (CsNode p = parent; p != null; p = p.parent) {
      if (p.is("method_declaration") || p.is("constructor_declaration") || p.is("local_function_statement")
          || p.is("accessor_declaration") || p.is("lambda_expression") || p.is("anonymous_method_expression")) return p;
    }
    return null;
  }

  /** The outermost member (method, constructor, property) this node is in, or null for top-level statements. */
  CsNode member() {
    CsNode found = null;
    for (CsNode p = parent; p != null; p = p.parent) {
      if (p.is("method_declaration") || p.is("constructor_declaration") || p.is("property_declaration")) found = p;
    }
    return found;
  }

  @Override
  public String toString() {
    return type + "@" + line;
  }
}
