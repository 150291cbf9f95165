package dev.relplan.iac.kubernetes.kustomize;

import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.SeqNode;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Copy-on-write edits of located trees: every edit returns a new tree sharing the untouched parts,
 * so a base object rendered into several overlays is never changed under another overlay.
 */
final class Trees {
  private Trees() {}

  /** The text of a scalar child, or null when absent or not a scalar. */
  static String text(Node node, String key) {
    return node instanceof MapNode m && m.get(key) instanceof ScalarNode s ? s.text() : null;
  }

  static MapNode map(Node node, String key) {
    return node instanceof MapNode m && m.get(key) instanceof MapNode c ? c : null;
  }

  static SeqNode seq(Node node, String key) {
    return node instanceof MapNode m && m.get(key) instanceof SeqNode c ? c : null;
  }

  /** The node at a path of map keys, or null. */
  static Node at(Node node, List<String> path) {
    Node at = node;
    for (String key : path) {
      if (!(at instanceof MapNode m)) return null;
      at = m.get(key);
    }
    return at;
  }

  /** {@code map} with {@code key} set to {@code value}: replaced in place, else appended. */
  static MapNode put(MapNode map, String key, Location keyLocation, Node value) {
    List<MapNode.Entry> entries = new ArrayList<>(map.entries().size() + 1);
    boolean replaced = false;
    for (MapNode.Entry e : map.entries()) {
      if (!replaced && e.key().equals(key)) {
        entries.add(new MapNode.Entry(key, keyLocation, value));
        replaced = true;
      } else {
        entries.add(e);
      }
    }
    if (!replaced) entries.add(new MapNode.Entry(key, keyLocation, value));
    return new MapNode(map.location(), map.tag(), List.copyOf(entries));
  }

  static MapNode remove(MapNode map, String key) {
    List<MapNode.Entry> entries = new ArrayList<>(map.entries().size());
    for (MapNode.Entry e : map.entries()) if (!e.key().equals(key)) entries.add(e);
    return new MapNode(map.location(), map.tag(), List.copyOf(entries));
  }

  /**
   * {@code node} with the value at {@code path} (map keys, "[]" for every item of a list) replaced
   * by {@code edit}'s result. Missing maps on the way are created at {@code created} when {@code
   * create} is set, else the node is returned unchanged; {@code edit} receives null for a missing
   * leaf and returns null to leave it missing.
   */
  static Node edit(
      Node node, List<String> path, boolean create, Location created, UnaryOperator<Node> edit) {
    if (path.isEmpty()) return edit.apply(node);
    String step = path.get(0);
    List<String> rest = path.subList(1, path.size());
    if (step.equals("[]")) {
      if (!(node instanceof SeqNode s)) return node;
      List<Node> items = new ArrayList<>(s.items().size());
      for (Node item : s.items()) items.add(edit(item, rest, create, created, edit));
      return new SeqNode(s.location(), s.tag(), List.copyOf(items));
    }
    MapNode map;
    if (node instanceof MapNode m) map = m;
    else if (create && (node == null || node instanceof ScalarNode s && s.isNull()))
      map = emptyMap(created);
    else return node;
    MapNode.Entry entry = map.entry(step);
    Node child = entry == null ? null : entry.value();
    Node changed = edit(child, rest, create, created, edit);
    if (changed == child || changed == null) return node;
    return put(map, step, entry == null ? created : entry.keyLocation(), changed);
  }

  static MapNode emptyMap(Location at) {
    return new MapNode(at, null, List.of());
  }

  static ScalarNode string(Location at, String text) {
    return new ScalarNode(at, null, text, ScalarNode.Kind.STRING);
  }

  /** Same data, locations ignored: how JSON patch {@code test} and merge keys compare values. */
  static boolean sameData(Node a, Node b) {
    if (a instanceof ScalarNode x && b instanceof ScalarNode y)
      return Objects.equals(x.text(), y.text()) && x.isNull() == y.isNull();
    if (a instanceof SeqNode x && b instanceof SeqNode y) {
      if (x.items().size() != y.items().size()) return false;
      for (int i = 0; i < x.items().size(); i++)
        if (!sameData(x.items().get(i), y.items().get(i))) return false;
      return true;
    }
    if (a instanceof MapNode x && b instanceof MapNode y) {
      if (x.entries().size() != y.entries().size()) return false;
      for (MapNode.Entry e : x.entries()) {
        Node other = y.get(e.key());
        if (other == null || !sameData(e.value(), other)) return false;
      }
      return true;
    }
    return false;
  }

  /** The tree with every line moved by {@code offset} and its file set: an inline patch's text. */
  static Node relocate(Node node, String file, int offset) {
    if (node instanceof ScalarNode s)
      return new ScalarNode(moved(s.location(), file, offset), s.tag(), s.text(), s.kind());
    if (node instanceof SeqNode s) {
      List<Node> items = new ArrayList<>(s.items().size());
      for (Node item : s.items()) items.add(relocate(item, file, offset));
      return new SeqNode(moved(s.location(), file, offset), s.tag(), List.copyOf(items));
    }
    MapNode m = (MapNode) node;
    List<MapNode.Entry> entries = new ArrayList<>(m.entries().size());
    for (MapNode.Entry e : m.entries())
      entries.add(
          new MapNode.Entry(
              e.key(), moved(e.keyLocation(), file, offset), relocate(e.value(), file, offset)));
    return new MapNode(moved(m.location(), file, offset), m.tag(), List.copyOf(entries));
  }

  private static Location moved(Location at, String file, int offset) {
    return new Location(file, at.line() + offset);
  }
}
