package dev.relplan.code.go;

import dev.relplan.parse.treesitter.SyntaxNode;
import java.nio.charset.StandardCharsets;
import org.treesitter.TSNode;

/**
 * A Go syntax node copied out of tree-sitter once, so the scanner walks plain Java objects: its
 * type, the field name it has in its parent, its 1-based line, its source text, and its children.
 */
final class GoNode extends SyntaxNode<GoNode> {

  private final byte[] source;

  private GoNode(String type, String field, int line, int start, int end, byte[] source) {
    super(type, field, line, start, end, source);
    this.source = source;
  }

  /**
   * The operator of a binary expression ({@code +}, {@code ==}, {@code ||} …): the text between its
   * operands, which the copied tree does not hold as a node; null for any other node.
   */
  String operator() {
    GoNode left = field("left");
    GoNode right = field("right");
    if (!is("binary_expression") || left == null || right == null || right.start < left.end)
      return null;
    return new String(source, left.end, right.start - left.end, StandardCharsets.UTF_8).strip();
  }

  static GoNode copy(TSNode root, byte[] source) {
    return copyTree(root, source, GoNode::new);
  }

  /**
   * The value of a Go string literal (interpreted without escapes, or raw), or null when this is
   * not one.
   */
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
      if (p.is("function_declaration") || p.is("method_declaration") || p.is("func_literal"))
        return p;
    }
    return null;
  }

  /**
   * The top-level function or method declaration this node is in (closures included), or null at
   * package level.
   */
  GoNode declaration() {
    for (GoNode p = parent; p != null; p = p.parent) {
      if (p.is("function_declaration") || p.is("method_declaration")) return p;
    }
    return null;
  }
}
