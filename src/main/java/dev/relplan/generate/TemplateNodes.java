package dev.relplan.generate;

import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import java.util.List;

/**
 * Reading and editing nodes inside a resource's Properties of a CloudFormation/SAM YAML template:
 * the logical id a {@code Ref} names, and lines added to or replaced in a nested block mapping.
 */
final class TemplateNodes {
  private TemplateNodes() {}

  /** The logical id of {@code !Ref X} or {@code Ref: X}, else null. */
  static String refTarget(Node n) {
    if (n instanceof ScalarNode s && "!Ref".equals(s.tag())) return s.text();
    if (n instanceof MapNode m
        && m.tag() == null
        && "Ref".equals(m.singleKey())
        && m.get("Ref") instanceof ScalarNode s
        && s.tag() == null) return s.text();
    return null;
  }

  /** The untagged scalar text of a node, or null (a tag is an intrinsic function). */
  static String literal(Node n) {
    return n instanceof ScalarNode s && s.tag() == null ? s.text() : null;
  }

  /** A nested mapping written in block style, each entry on its own line, or null. */
  static MapNode block(YamlTemplate t, Node n) {
    if (!(n instanceof MapNode m) || m.tag() != null || m.entries().isEmpty()) return null;
    for (MapNode.Entry e : m.entries()) {
      int line = e.keyLocation().line();
      if (!t.line(line).substring(t.indentOf(line)).startsWith(e.key())) return null;
    }
    return m;
  }

  /**
   * Lines (two spaces per nesting level) added as the first entries of a block mapping, at its
   * entries' indentation.
   */
  static UnifiedDiff.Insertion firstEntries(YamlTemplate t, MapNode block, List<String> lines) {
    int first = block.entries().get(0).keyLocation().line();
    String indent = " ".repeat(t.indentOf(first));
    return new UnifiedDiff.Insertion(
        first - 1, lines.stream().map(l -> l.isEmpty() ? l : indent + l).toList());
  }

  /** {@code key: value} replacing the entry's line when it holds a literal, else null. */
  static UnifiedDiff.Insertion replace(
      YamlTemplate t, MapNode block, MapNode.Entry entry, String value) {
    return CloudFormationFixes.replaceLiteral(t, block, entry, entry.key() + ": " + value);
  }
}
