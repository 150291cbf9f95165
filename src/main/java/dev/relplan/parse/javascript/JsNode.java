package dev.relplan.parse.javascript;

import dev.relplan.parse.treesitter.SyntaxNode;
import org.treesitter.TSNode;

/**
 * A JavaScript or TypeScript syntax node copied out of tree-sitter once, so the scanner walks plain
 * Java objects: its type, the field name it has in its parent, its 1-based line, its source text,
 * and its children.
 */
public final class JsNode extends SyntaxNode<JsNode> {

  private JsNode(String type, String field, int line, int start, int end, byte[] source) {
    super(type, field, line, start, end, source);
  }

  /** Copies the named nodes of a tree ({@link SyntaxNode#copyTree}). */
  public static JsNode copy(TSNode root, byte[] source) {
    return copyTree(root, source, JsNode::new);
  }

  /**
   * The value of a string literal (or a template without substitutions) without quotes, or null
   * otherwise.
   */
  public String stringValue() {
    if (!type.equals("string") && !type.equals("template_string")) return null;
    StringBuilder sb = new StringBuilder();
    for (JsNode c : children) {
      if (c.is("template_substitution")) return null;
      if (c.is("string_fragment") || c.is("escape_sequence")) sb.append(c.text());
    }
    return sb.toString();
  }

  /** Whether {@code a} is this node's ancestor. */
  public boolean hasAncestor(JsNode a) {
    for (JsNode p = parent; p != null; p = p.parent) if (p == a) return true;
    return false;
  }

  /**
   * The nearest enclosing function-like node (function, arrow, method), or null at module level.
   */
  public JsNode function() {
    for (JsNode p = parent; p != null; p = p.parent) if (isFunction(p)) return p;
    return null;
  }

  public static boolean isFunction(JsNode n) {
    return switch (n.type) {
      case "function_declaration",
          "function_expression",
          "arrow_function",
          "method_definition",
          "generator_function_declaration",
          "generator_function" ->
          true;
      default -> false;
    };
  }

  /**
   * Skips TypeScript wrappers that do not change the value: (x), x as T, x!, x satisfies T, <T>x.
   */
  public JsNode unwrap() {
    JsNode n = this;
    while ((n.is("parenthesized_expression")
            || n.is("as_expression")
            || n.is("non_null_expression")
            || n.is("satisfies_expression")
            || n.is("type_assertion"))
        && !n.children.isEmpty()) {
      JsNode inner = n.children.get(0);
      if (n.is("type_assertion") && n.children.size() > 1) inner = n.children.get(1);
      n = inner;
    }
    return n;
  }
}
