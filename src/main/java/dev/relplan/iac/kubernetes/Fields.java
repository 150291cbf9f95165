package dev.relplan.iac.kubernetes;

import dev.relplan.model.Value;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.NodePaths;
import dev.relplan.parse.ScalarNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Located access to a manifest's fields by path: null when a step is missing or of another shape.
 */
final class Fields {
  private Fields() {}

  static Node at(Node from, String... path) {
    return NodePaths.at(from, path);
  }

  static MapNode map(Node from, String... path) {
    return NodePaths.map(from, path);
  }

  static List<Node> seq(Node from, String... path) {
    return NodePaths.seq(from, path);
  }

  static ScalarNode scalar(Node from, String... path) {
    return NodePaths.scalar(from, path);
  }

  static String text(Node from, String... path) {
    ScalarNode s = scalar(from, path);
    return s == null ? null : s.text();
  }

  /** A string-to-string map such as labels; non-scalar values are left out. */
  static Map<String, String> labels(Node from, String... path) {
    Map<String, String> out = new TreeMap<>();
    MapNode m = map(from, path);
    if (m == null) return out;
    for (MapNode.Entry e : m.entries())
      if (e.value() instanceof ScalarNode s && s.text() != null) out.put(e.key(), s.text());
    return out;
  }

  /** An integer field: explicit at its line, unresolved when it is not a whole number. */
  static Value<Integer> integer(Node from, String key, Value<Integer> whenAbsent) {
    Node n = at(from, key);
    if (n == null || n instanceof ScalarNode s && s.isNull()) return whenAbsent;
    if (!(n instanceof ScalarNode s))
      return Value.unresolved(key + " is not a number", List.of(n.location()));
    try {
      return Value.explicit(Integer.parseInt(s.text().strip()), Origins.trace(s));
    } catch (NumberFormatException e) {
      return Value.unresolved(key + " is '" + s.text() + "', not a whole number", Origins.trace(s));
    }
  }

  /** An integer or percentage field as written (e.g. {@code 1}, {@code 25%}). */
  static Value<String> intOrPercent(Node from, String key) {
    ScalarNode s = scalar(from, key);
    return s == null ? Value.absent() : Value.explicit(s.text().strip(), Origins.trace(s));
  }
}
