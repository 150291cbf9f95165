package dev.relplan.code.javascript;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.treesitter.TSNode;

/**
 * A JavaScript or TypeScript syntax node copied out of tree-sitter once, so the scanner walks plain Java objects: its type,
 * the field name it has in its parent, its 1-based line, its source text, and its children.
 */
final class JsNode {
  /** Nesting beyond this is not copied (pathological input); the scanner sees a truncated subtree. */
  private static final int MAX_DEPTH = 400;

  final String type;
  final String field;
  final int line;
  final int start;
  final int end;
  final List<JsNode> children = new ArrayList<>();
  JsNode parent;
  private final byte[] source;

  private JsNode(String type, String field, int line, int start, int end, byte[] source) {
    this.type = type;
    this.field = field;
    this.line = line;
    this.start = start;
    this.end = end;
    this.source = source;
  }

  static JsNode copy(TSNode root, byte[] source) {
    return copy(root, null, source, 0);
  }

  private static JsNode copy(TSNode n, String field, byte[] source, int depth) {
    JsNode out = new JsNode(n.getType(), field, n.getStartPoint().getRow() + 1, n.getStartByte(), n.getEndByte(), source);
    if (depth >= MAX_DEPTH) return out;
    int count = n.getChildCount();
    for (int i = 0; i < count; i++) {
      TSNode c = n.getChild(i);
      if (!c.isNamed()) continue;
      JsNode child = copy(c, n.getFieldNameForChild(i), source, depth + 1);
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

  JsNode field(String name) {
    for (JsNode c : children) if (name.equals(c.field)) return c;
    return null;
  }

  boolean is(String t) {
    return type.equals(t);
  }

  /** Every descendant (and this node) of a type, in source order. */
  List<JsNode> all(String t) {
    List<JsNode> out = new ArrayList<>();
    collect(this, t, out);
    return out;
  }

  private static void collect(JsNode n, String t, List<JsNode> out) {
    if (n.type.equals(t)) out.add(n);
    for (JsNode c : n.children) collect(c, t, out);
  }

  /** The nearest ancestor of a type, or null. */
  JsNode ancestor(String t) {
    for (JsNode p = parent; p != null; p = p.parent) if (p.type.equals(t)) return p;
    return null;
  }

  /** The value of a string literal (or a template without substitutions) without quotes, or null otherwise. */
  String stringValue() {
    if (!type.equals("string") && !type.equals("template_string")) return null;
    StringBuilder sb = new StringBuilder();
    for (JsNode c : children) {
      if (c.is("template_substitution")) return null;
      if (c.is("string_fragment") || c.is("escape_sequence")) sb.append(c.text());
    }
    return sb.toString();
  }

  /** The nearest enclosing function-like node (function, arrow, method), or null at module level. */
  JsNode function() {
    for (JsNode p = parent; p != null; p = p.parent) if (isFunction(p)) return p;
    return null;
  }

  static boolean isFunction(JsNode n) {
    return switch (n.type) {
      case "function_declaration", "function_expression", "arrow_function", "method_definition", "generator_function_declaration",
           "generator_function" -> true;
      default -> false;
    };
  }

  /** Skips TypeScript wrappers that do not change the value: (x), x as T, x!, x satisfies T, <T>x. */
  JsNode unwrap() {
    JsNode n = this;
    while ((n.is("parenthesized_expression") || n.is("as_expression") || n.is("non_null_expression") || n.is("satisfies_expression")
        || n.is("type_assertion")) && !n.children.isEmpty()) {
      JsNode inner = n.children.get(0);
      if (n.is("type_assertion") && n.children.size() > 1) inner = n.children.get(1);
      n = inner;
    }
    return n;
  }

  @Override
  public String toString() {
    return type + "@" + line;
  }
}
