package dev.relplan.code.csharp;

import dev.relplan.parse.treesitter.SyntaxNode;
import org.treesitter.TSNode;

/**
 * A C# syntax node copied out of tree-sitter once, so the scanner walks plain Java objects: its
 * type, the field name it has in its parent, its 1-based line, its source text, and its children.
 */
final class CsNode extends SyntaxNode<CsNode> {

  private CsNode(String type, String field, int line, int start, int end, byte[] source) {
    super(type, field, line, start, end, source);
  }

  static CsNode copy(TSNode root, byte[] source) {
    return copyTree(root, source, CsNode::new);
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

  /**
   * The nearest enclosing member or function body: a method, constructor, local function, accessor
   * or lambda.
   */
  CsNode scope() {
    for (CsNode p = parent; p != null; p = p.parent) {
      if (p.is("method_declaration")
          || p.is("constructor_declaration")
          || p.is("local_function_statement")
          || p.is("accessor_declaration")
          || p.is("lambda_expression")
          || p.is("anonymous_method_expression")) return p;
    }
    return null;
  }

  /**
   * The outermost member (method, constructor, property) this node is in, or null for top-level
   * statements.
   */
  CsNode member() {
    CsNode found = null;
    for (CsNode p = parent; p != null; p = p.parent) {
      if (p.is("method_declaration")
          || p.is("constructor_declaration")
          || p.is("property_declaration")) found = p;
    }
    return found;
  }
}
