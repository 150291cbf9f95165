package dev.relplan.code.migration;

import dev.relplan.parse.treesitter.SyntaxNode;
import org.treesitter.TSNode;

/**
 * A Ruby syntax node copied out of tree-sitter once, so Rails migrations are read as plain Java
 * objects.
 */
final class RbNode extends SyntaxNode<RbNode> {

  private RbNode(String type, String field, int line, int start, int end, byte[] source) {
    super(type, field, line, start, end, source);
  }

  static RbNode copy(TSNode root, byte[] source) {
    return copyTree(root, source, RbNode::new);
  }

  /**
   * The name a symbol or a plain string literal holds ({@code :users}, {@code "users"}), else the
   * node's source text.
   */
  String name() {
    if (is("simple_symbol")) return text().substring(1);
    if (is("string") || is("delimited_symbol")) {
      String content = plainContent();
      if (content != null) return content;
    }
    return text();
  }

  /** The text of a string or heredoc without interpolation, else null. */
  String plainContent() {
    StringBuilder sb = new StringBuilder();
    for (RbNode c : children) {
      if (c.is("string_content") || c.is("heredoc_content")) sb.append(c.text());
      else if (!c.is("heredoc_end")) return null;
    }
    return sb.toString();
  }

  /** The first line of {@link #plainContent}: where its first content node starts. */
  int contentLine() {
    return children.isEmpty() ? line : children.get(0).line;
  }
}
