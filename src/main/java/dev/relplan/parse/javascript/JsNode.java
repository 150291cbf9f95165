package dev.relplan.parse.javascript;

import dev.relplan.parse.treesitter.SyntaxNode;
import org.treesitter.TSNode;
import org.treesitter.TSTreeCursor;

/**
 * A JavaScript or TypeScript syntax node copied out of tree-sitter once, so the scanner walks plain
 * Java objects: its type, the field name it has in its parent, its 1-based line, its source text,
 * and its children.
 */
public final class JsNode extends SyntaxNode<JsNode> {

  private JsNode(String type, String field, int line, int start, int end, byte[] source) {
    super(type, field, line, start, end, source);
  }

  /**
   * Copies the named nodes of a tree. A cursor walks it: indexing children one by one costs time
   * proportional to the child's position, which is quadratic on a module with thousands of
   * statements.
   */
  public static JsNode copy(TSNode root, byte[] source) {
    int[] lineStarts = lineStarts(source);
    JsNode top = node(root, null, source, lineStarts);
    TSTreeCursor cursor = new TSTreeCursor(root);
    java.util.ArrayDeque<JsNode> parents =
        new java.util.ArrayDeque<>(); // the copies of the cursor node's ancestors
    JsNode current =
        top; // the copy of the cursor node; null for an anonymous token, whose subtree is not
    // copied
    while (true) {
      if (current != null && parents.size() < MAX_DEPTH && cursor.gotoFirstChild()) {
        parents.push(current);
      } else {
        while (!cursor.gotoNextSibling()) {
          if (parents.isEmpty() || !cursor.gotoParent()) return top;
          parents.pop();
          if (parents.isEmpty()) return top; // back at the root
        }
      }
      TSNode n = cursor.currentNode();
      if (n.isNamed()) {
        current = node(n, cursor.currentFieldName(), source, lineStarts);
        current.parent = parents.peek();
        parents.peek().children.add(current);
      } else {
        current = null;
      }
    }
  }

  private static JsNode node(TSNode n, String field, byte[] source, int[] lineStarts) {
    int start = n.getStartByte();
    int line = java.util.Arrays.binarySearch(lineStarts, start);
    line =
        line >= 0
            ? line + 1
            : -line - 1; // the 1-based line holding the byte, computed here to save a native call
    return new JsNode(n.getType(), field, line, start, n.getEndByte(), source);
  }

  /** Byte offsets at which lines start. */
  private static int[] lineStarts(byte[] source) {
    int count = 1;
    for (byte b : source) if (b == '\n') count++;
    int[] out = new int[count];
    int k = 1;
    for (int i = 0; i < source.length; i++) if (source[i] == '\n') out[k++] = i + 1;
    return out;
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
