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
  private final NamedTemplates named;
  private final Map<Node, List<Location>> valuesLines;
  private String kind;
  private int segment;

  /** Named templates called inside named templates are followed this deep at most. */
  private static final int MAX_CALL_DEPTH = 8;

  /** Where a node was written: the template line, and the values lines that supplied it. */
  private record Written(int line, List<Location> supplied) {}

  /**
   * How an action wrote the value it read: as it is and as the whole value ({@code ALONE}), as it
   * is within other text ({@code WITHIN}), or through functions that change it ({@code CHANGED}).
   */
  private enum Writing {
    ALONE,
    WITHIN,
    CHANGED
  }

  Relocator(
      TemplateShape shape,
      String file,
      ValuesSources values,
      NamedTemplates named,
      Map<Node, List<Location>> lines) {
    this.shape = shape;
    this.file = file;
    this.values = values;
    this.named = named;
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
    if (!written.supplied().isEmpty()) valuesLines.put(out, written.supplied());
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
      return new Written(line, suppliedOn(line, List.of(), node));
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
        if (k.dynamicValue()) return new Written(k.line(), suppliedOn(k.line(), below, node));
      if (writers.isEmpty()) return new Written(ancestorLines.get(0).line(), List.of());
      return new Written(writers.get(0), suppliedOn(writers.get(0), below, node));
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

  private List<Location> suppliedOn(int line, List<Object> below, Node node) {
    return supplied(shape, TemplateScopes.Context.ROOT, line, below, node, 0);
  }

  /**
   * The values lines that supplied {@code node}, written by the actions on {@code line} of {@code
   * template} (whose data is {@code start}) at {@code below} under what they write: the values they
   * read, extended by {@code below} when the values set it, and the lines of the named templates
   * they call.
   */
  private List<Location> supplied(
      TemplateShape template,
      TemplateScopes.Context start,
      int line,
      List<Object> below,
      Node node,
      int depth) {
    List<Location> lines = new ArrayList<>();
    Map<Integer, TemplateScopes.Reads> reads = template.reads(start);
    for (Action a : template.actionsOn(line)) {
      TemplateScopes.Reads r = reads.getOrDefault(a.start(), TemplateScopes.Reads.NOTHING);
      Writing writing =
          !r.valuePreserving()
              ? Writing.CHANGED
              : template.writesOneActionAlone(line) ? Writing.ALONE : Writing.WITHIN;
      for (List<Object> path : r.paths()) {
        Location l = located(path, below, node, writing);
        if (l != null && !lines.contains(l)) lines.add(l);
      }
      if (depth < MAX_CALL_DEPTH)
        for (TemplateScopes.Call call : r.calls())
          for (Location l : suppliedByCall(call, below, node, depth + 1))
            if (!lines.contains(l)) lines.add(l);
    }
    return List.copyOf(lines);
  }

  /**
   * The line that set {@code path} (extended by {@code below} when that is set). A path through the
   * element of a {@code range} matches one line per element: it is told only when one element
   * matches, or when the action writes the value as it is and one element holds the rendered text;
   * else nothing is traced. A value written as it is ({@code asWritten}) must be what was rendered:
   * a rendered node its values do not hold was written by another line, and is not traced here.
   */
  private Location located(List<Object> path, List<Object> below, Node node, Writing writing) {
    boolean asWritten = writing != Writing.CHANGED;
    List<ValuesSources.Match> matches = List.of();
    if (!below.isEmpty()) {
      List<Object> deeper = new ArrayList<>(path);
      deeper.addAll(below);
      matches = values.matches(deeper);
      if (matches.isEmpty() && asWritten) return null;
    }
    if (matches.isEmpty()) matches = values.matches(path);
    if (asWritten)
      matches =
          matches.stream().filter(m -> holds(m.value(), node, writing == Writing.ALONE)).toList();
    return matches.size() == 1 ? matches.get(0).line() : null;
  }

  /**
   * Whether a values node, written as it is ({@code alone}: as the whole value, else as a part of
   * it), can have rendered {@code rendered}.
   */
  private static boolean holds(Node value, Node rendered, boolean alone) {
    // a block written into a scalar is its text (`toYaml .Values.config | indent 4` under `|`)
    if (rendered instanceof ScalarNode r) {
      if (!(value instanceof ScalarNode v)) return true;
      String text = r.text() == null ? "" : r.text();
      String held = v.text() == null ? "" : v.text();
      return alone ? text.equals(held) : text.contains(held);
    }
    if (rendered instanceof MapNode) return value instanceof MapNode;
    return value instanceof SeqNode;
  }

  /**
   * The values lines a named template called with {@code call}'s argument wrote {@code node} from:
   * the body line writing {@code below} (or the one action writing under its nearest written
   * ancestor). Several candidate lines, or an argument that is not known, trace nothing.
   */
  private List<Location> suppliedByCall(
      TemplateScopes.Call call, List<Object> below, Node node, int depth) {
    TemplateShape body = named.shape(call.name());
    if (body == null || !call.argument().known()) return List.of();
    List<String> shapePath = new ArrayList<>();
    for (Object step : below) shapePath.add(step instanceof Integer ? "[]" : (String) step);
    for (int d = shapePath.size(); d >= 0; d--) {
      String at = key(shapePath.subList(0, d));
      List<KeyLine> keyLines = d == 0 ? List.of() : body.linesOf(at, null, -1);
      List<Object> rest = below.subList(d, below.size());
      if (d == shapePath.size()) {
        if (keyLines.size() == 1)
          return supplied(body, call.argument(), keyLines.get(0).line(), rest, node, depth);
        if (keyLines.isEmpty()) continue;
        return List.of();
      }
      List<Integer> writers = body.writingActionsUnder(at, -1);
      List<KeyLine> dynamic = keyLines.stream().filter(KeyLine::dynamicValue).toList();
      if (dynamic.size() == 1 && writers.isEmpty())
        return supplied(body, call.argument(), dynamic.get(0).line(), rest, node, depth);
      if (dynamic.isEmpty() && writers.size() == 1 && keyLines.size() <= 1)
        return supplied(body, call.argument(), writers.get(0), rest, node, depth);
      if (!keyLines.isEmpty() || !writers.isEmpty()) return List.of();
    }
    return List.of();
  }

  private static String key(List<String> path) {
    return String.join(".", path);
  }

  /** A fresh side map for the values lines of nodes (identity: equal nodes differ in place). */
  static Map<Node, List<Location>> newSideMap() {
    return new IdentityHashMap<>();
  }
}
