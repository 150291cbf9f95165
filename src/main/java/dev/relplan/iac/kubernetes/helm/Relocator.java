package dev.relplan.iac.kubernetes.helm;

import dev.relplan.iac.kubernetes.helm.TemplateActions.Action;
import dev.relplan.iac.kubernetes.helm.TemplateShape.KeyLine;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.SeqNode;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives a rendered document the locations of its template: every node of the copy is located at the
 * template line that wrote it (found by key path in the {@link TemplateShape}), and, when that line
 * reads {@code .Values.x}, the values-file lines that supplied x are recorded beside it. A node
 * written by an action (a {@code toYaml} or {@code include} under a written key) is located at the
 * action's line, and its values line is the line of the same sub-path under the values block the
 * action reads when there is one. The rendered text of every scalar is kept as it is.
 */
final class Relocator {
  private final TemplateShape shape;
  private final String file;
  private final ValuesSources values;
  private final Map<Node, List<Location>> valuesLines;
  private String kind;
  private int segment;

  /** Where a node was written: the template line, and the values paths it read there. */
  private record Written(int line, List<List<Object>> valuesPaths) {}

  Relocator(
      TemplateShape shape, String file, ValuesSources values, Map<Node, List<Location>> lines) {
    this.shape = shape;
    this.file = file;
    this.values = values;
    this.valuesLines = lines;
  }

  /** The literal {@code kind} of a rendered document; null when it has none. */
  static String kindOf(Node document) {
    return document instanceof MapNode m && m.get("kind") instanceof ScalarNode s ? s.text() : null;
  }

  /**
   * A located copy of one rendered document, written by document {@code segment} of the template
   * when that is known (else -1: found by kind).
   */
  Node relocate(Node document, int segment) {
    this.kind = kindOf(document);
    this.segment = segment;
    Node located = copy(document, new ArrayList<>(), new ArrayList<>());
    // the object starts where its first key is written, not at a control line above it
    if (located instanceof MapNode map && !map.entries().isEmpty())
      return new MapNode(map.entries().get(0).keyLocation(), map.tag(), map.entries());
    return located;
  }

  private Node copy(Node node, List<String> shapePath, List<Object> realPath) {
    Written written = written(node, shapePath, realPath);
    Location at = new Location(file, written.line());
    Node out;
    if (node instanceof MapNode map) out = copyMap(map, at, shapePath, realPath);
    else if (node instanceof SeqNode seq) out = copySeq(seq, at, shapePath, realPath);
    else {
      ScalarNode s = (ScalarNode) node;
      out = new ScalarNode(at, s.tag(), s.text(), s.kind());
    }
    List<Location> supplied = new ArrayList<>();
    for (List<Object> path : written.valuesPaths()) {
      Location line = values.locate(path);
      if (line != null && !supplied.contains(line)) supplied.add(line);
    }
    if (!supplied.isEmpty()) valuesLines.put(out, List.copyOf(supplied));
    return out;
  }

  private MapNode copyMap(MapNode map, Location at, List<String> shapePath, List<Object> realPath) {
    List<MapNode.Entry> entries = new ArrayList<>();
    for (MapNode.Entry e : map.entries()) {
      shapePath.add(e.key());
      realPath.add(e.key());
      Node value = copy(e.value(), shapePath, realPath);
      entries.add(new MapNode.Entry(e.key(), value.location(), value));
      shapePath.remove(shapePath.size() - 1);
      realPath.remove(realPath.size() - 1);
    }
    return new MapNode(at, map.tag(), entries);
  }

  private SeqNode copySeq(SeqNode seq, Location at, List<String> shapePath, List<Object> realPath) {
    List<Node> items = new ArrayList<>();
    for (int i = 0; i < seq.items().size(); i++) {
      shapePath.add("[]");
      realPath.add(i);
      items.add(copy(seq.items().get(i), shapePath, realPath));
      shapePath.remove(shapePath.size() - 1);
      realPath.remove(realPath.size() - 1);
    }
    return new SeqNode(at, seq.tag(), items);
  }

  /** The template line writing the node at {@code shapePath} and the values paths it read. */
  private Written written(Node node, List<String> shapePath, List<Object> realPath) {
    if (shape == null) return new Written(1, List.of());
    List<KeyLine> exact =
        shapePath.isEmpty() ? List.of() : shape.linesOf(key(shapePath), kind, segment);
    if (!exact.isEmpty()) {
      int line = choose(exact, node, key(shapePath)).line();
      return new Written(line, readsOn(line, List.of()));
    }
    for (int depth = shapePath.size() - 1; depth >= 0; depth--) {
      String ancestor = key(shapePath.subList(0, depth));
      List<Integer> writers = shape.writingActionsUnder(ancestor, segment);
      List<KeyLine> ancestorLines = depth == 0 ? List.of() : shape.linesOf(ancestor, kind, segment);
      if (writers.isEmpty() && ancestorLines.isEmpty()) continue;
      List<Object> below = realPath.subList(depthOfReal(realPath, depth), realPath.size());
      // a key whose own line writes its content (`labels: {{- include ... }}`) wrote it there;
      // else the first action under the key did (an action inside a false `if` cannot be told)
      for (KeyLine k : ancestorLines)
        if (k.dynamicValue()) return new Written(k.line(), readsOn(k.line(), below));
      if (writers.isEmpty()) return new Written(ancestorLines.get(0).line(), List.of());
      return new Written(writers.get(0), readsOn(writers.get(0), below));
    }
    return new Written(1, List.of());
  }

  /** The index in the real path matching {@code depth} segments of the shape path. */
  private static int depthOfReal(List<Object> realPath, int depth) {
    return Math.min(depth, realPath.size());
  }

  /** Among several lines writing one path (if/else branches), the one that wrote this value. */
  private KeyLine choose(List<KeyLine> candidates, Node node, String path) {
    if (candidates.size() == 1) return candidates.get(0);
    if (node instanceof MapNode map)
      for (MapNode.Entry child : map.entries()) {
        KeyLine parent = parentOfChild(candidates, path + "." + child.key());
        if (parent != null) return parent;
      }
    if (!(node instanceof ScalarNode s)) return candidates.get(0);
    for (KeyLine k : candidates)
      if (!k.dynamicValue() && k.staticValue() != null && k.staticValue().equals(s.text()))
        return k;
    for (KeyLine k : candidates) if (k.dynamicValue()) return k;
    return candidates.get(0);
  }

  /**
   * The candidate written closest above a line writing the key {@code childPath}: the branch whose
   * keys were rendered (the earlier one on a tie). Null when that key is not written literally.
   */
  private KeyLine parentOfChild(List<KeyLine> candidates, String childPath) {
    KeyLine best = null;
    int bestGap = Integer.MAX_VALUE;
    for (KeyLine child : shape.linesOf(childPath, kind, segment))
      for (KeyLine k : candidates) {
        int gap = child.line() - k.line();
        if (gap > 0 && (gap < bestGap || gap == bestGap && k.line() < best.line())) {
          best = k;
          bestGap = gap;
        }
      }
    return best;
  }

  /** The values paths read by the actions on {@code line}, each extended by {@code below}. */
  private List<List<Object>> readsOn(int line, List<Object> below) {
    List<List<Object>> paths = new ArrayList<>();
    for (Action a : shape.actionsOn(line)) {
      for (String dotted : TemplateActions.valuesPaths(shape.text(), a)) {
        List<Object> path = ValuesSources.steps(dotted);
        if (!below.isEmpty()) {
          List<Object> deeper = new ArrayList<>(path);
          deeper.addAll(below);
          if (values.locate(deeper) != null) path = deeper;
        }
        paths.add(path);
      }
    }
    return paths;
  }

  private static String key(List<String> path) {
    return String.join(".", path);
  }

  /** A fresh side map for the values lines of nodes (identity: equal nodes differ in place). */
  static Map<Node, List<Location>> newSideMap() {
    return new IdentityHashMap<>();
  }
}
