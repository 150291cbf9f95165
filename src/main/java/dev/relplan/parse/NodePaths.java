package dev.relplan.parse;

import java.util.List;

/**
 * Located access to a parsed document's fields by a path of keys, for every YAML/JSON format that
 * reads its objects field by field (Kubernetes manifests, Compose files): null, or an empty list,
 * when a step is missing or of another shape.
 */
public final class NodePaths {
  private NodePaths() {}

  public static Node at(Node from, String... path) {
    Node at = from;
    for (String key : path) {
      if (!(at instanceof MapNode m)) return null;
      at = m.get(key);
    }
    return at;
  }

  public static MapNode map(Node from, String... path) {
    return at(from, path) instanceof MapNode m ? m : null;
  }

  public static List<Node> seq(Node from, String... path) {
    return at(from, path) instanceof SeqNode s ? s.items() : List.of();
  }

  /** The scalar at the path, unless it is missing or YAML's null. */
  public static ScalarNode scalar(Node from, String... path) {
    return at(from, path) instanceof ScalarNode s && !s.isNull() ? s : null;
  }
}
