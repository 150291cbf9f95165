package dev.relplan.parse.python;

import dev.relplan.parse.treesitter.SyntaxNode;
import org.treesitter.TSNode;

/**
 * A syntax node copied out of tree-sitter once, so the scanner walks plain Java objects: its type,
 * the field name it has in its parent, its 1-based line, its source text, and its children.
 */
public final class PyNode extends SyntaxNode<PyNode> {

  private PyNode(String type, String field, int line, int start, int end, byte[] source) {
    super(type, field, line, start, end, source);
  }

  public static PyNode copy(TSNode root, byte[] source) {
    return copyTree(root, source, PyNode::new);
  }

  /**
   * The value of a string literal without quotes or prefix, or null when this is not a plain
   * string.
   */
  public String stringValue() {
    if (!type.equals("string")) return null;
    StringBuilder sb = new StringBuilder();
    for (PyNode c : children) {
      if (c.is("interpolation")) return null;
      if (c.is("string_content")) sb.append(c.text());
    }
    return sb.toString();
  }
}
