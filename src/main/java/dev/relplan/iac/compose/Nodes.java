package dev.relplan.iac.compose;

import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.NodePaths;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.SeqNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Located access to Compose fields, and the two ways Compose combines service definitions: YAML
 * merge keys ({@code <<: *defaults}) and merging one file's service over another's (Compose
 * Specification, "Merge": mappings merge key by key, sequences append, except the commands and the
 * health check test, which are replaced).
 */
final class Nodes {
  /** Sequences an override replaces rather than appends to. */
  private static final Set<String> REPLACED = Set.of("command", "entrypoint", "test");

  /** Merge keys nested deeper than this are not expanded. */
  private static final int MAX_DEPTH = 64;

  private Nodes() {}

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

  /** The map with its YAML merge keys expanded, at every depth: its own keys win. */
  static MapNode expandMergeKeys(MapNode map) {
    return expand(map, 0);
  }

  private static MapNode expand(MapNode map, int depth) {
    if (depth > MAX_DEPTH) return map;
    Map<String, MapNode.Entry> entries = new LinkedHashMap<>();
    for (MapNode.Entry e : map.entries()) {
      if (!e.key().equals("<<")) continue;
      List<Node> sources = e.value() instanceof SeqNode s ? s.items() : List.of(e.value());
      for (Node source : sources)
        if (source instanceof MapNode m)
          for (MapNode.Entry inherited : expand(m, depth + 1).entries())
            entries.putIfAbsent(inherited.key(), inherited);
    }
    for (MapNode.Entry e : map.entries()) {
      if (e.key().equals("<<")) continue;
      Node value = e.value() instanceof MapNode m ? expand(m, depth + 1) : e.value();
      entries.put(e.key(), new MapNode.Entry(e.key(), e.keyLocation(), value));
    }
    return new MapNode(map.location(), map.tag(), new ArrayList<>(entries.values()));
  }

  /** {@code over} merged over {@code base} as Compose merges service definitions. */
  static MapNode merge(MapNode base, MapNode over) {
    return merge(base, over, 0);
  }

  private static MapNode merge(MapNode base, MapNode over, int depth) {
    Map<String, MapNode.Entry> entries = new LinkedHashMap<>();
    for (MapNode.Entry e : base.entries()) entries.put(e.key(), e);
    for (MapNode.Entry e : over.entries()) {
      MapNode.Entry known = entries.get(e.key());
      Node value = e.value();
      if (known != null && depth < MAX_DEPTH) {
        if (known.value() instanceof MapNode a && value instanceof MapNode b) {
          value = merge(a, b, depth + 1);
        } else if (known.value() instanceof SeqNode a
            && value instanceof SeqNode b
            && !REPLACED.contains(e.key())) {
          List<Node> items = new ArrayList<>(a.items());
          items.addAll(b.items());
          value = new SeqNode(b.location(), b.tag(), items);
        }
      }
      entries.put(e.key(), new MapNode.Entry(e.key(), e.keyLocation(), value));
    }
    return new MapNode(base.location(), base.tag(), new ArrayList<>(entries.values()));
  }

  /** A copy of the map without one key. */
  static MapNode without(MapNode map, String key) {
    List<MapNode.Entry> entries = new ArrayList<>();
    for (MapNode.Entry e : map.entries()) if (!e.key().equals(key)) entries.add(e);
    return new MapNode(map.location(), map.tag(), entries);
  }
}
