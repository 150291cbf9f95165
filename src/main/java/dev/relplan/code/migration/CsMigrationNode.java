package dev.relplan.code.migration;

import dev.relplan.parse.treesitter.SyntaxNode;
import org.treesitter.TSNode;

/**
 * A C# syntax node copied out of tree-sitter once, so EF Core migrations are read as plain Java
 * objects.
 */
final class CsMigrationNode extends SyntaxNode<CsMigrationNode> {

  private CsMigrationNode(String type, String field, int line, int start, int end, byte[] source) {
    super(type, field, line, start, end, source);
  }

  static CsMigrationNode copy(TSNode root, byte[] source) {
    return copyTree(root, source, CsMigrationNode::new);
  }

  /**
   * The value of a string literal without interpolation: regular (escapes decoded for quotes and
   * backslashes only, else not read), verbatim ({@code @"..."}) or raw ({@code """..."""}); null
   * otherwise.
   */
  String stringValue() {
    String t = text();
    if (is("verbatim_string_literal"))
      return t.length() >= 3 ? t.substring(2, t.length() - 1).replace("\"\"", "\"") : null;
    if (is("raw_string_literal")) {
      int quotes = 0;
      while (quotes < t.length() && t.charAt(quotes) == '"') quotes++;
      return t.length() >= 2 * quotes ? t.substring(quotes, t.length() - quotes) : null;
    }
    if (!is("string_literal")) return null;
    StringBuilder sb = new StringBuilder();
    for (CsMigrationNode c : children) {
      if (c.is("string_literal_content")) sb.append(c.text());
      else if (c.is("escape_sequence") && (c.text().equals("\\\"") || c.text().equals("\\\\")))
        sb.append(c.text().charAt(1));
      else if (c.is("escape_sequence") && c.text().equals("\\n")) sb.append('\n');
      else return null;
    }
    return sb.toString();
  }
}
