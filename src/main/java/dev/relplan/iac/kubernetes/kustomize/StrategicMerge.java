package dev.relplan.iac.kubernetes.kustomize;

import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.SeqNode;
import dev.relplan.source.FileGuard;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes strategic merge patch over located trees: maps merge key by key, lists of objects
 * merge by their merge key, {@code $patch: delete}/{@code replace} directives and null values
 * delete. A value the patch sets keeps the patch's location, an untouched one the base's, so
 * evidence cites the line that decided it.
 */
final class StrategicMerge {
  /**
   * Merge keys of the Kubernetes API's lists that relplan reads (the types' {@code patchMergeKey}),
   * by field name.
   */
  private static final Map<String, String> MERGE_KEYS =
      Map.ofEntries(
          Map.entry("containers", "name"),
          Map.entry("initContainers", "name"),
          Map.entry("ephemeralContainers", "name"),
          Map.entry("volumes", "name"),
          Map.entry("env", "name"),
          Map.entry("imagePullSecrets", "name"),
          Map.entry("volumeMounts", "mountPath"),
          Map.entry("volumeDevices", "devicePath"),
          Map.entry("hostAliases", "ip"),
          Map.entry("topologySpreadConstraints", "topologyKey"),
          Map.entry("conditions", "type"),
          Map.entry("ownerReferences", "uid"));

  /**
   * Lists of a kind the merge has no schema for (custom resources) merge by the first of these keys
   * every item has, as kustomize's schema-less merge infers them.
   */
  private static final List<String> INFERRED_KEYS =
      List.of("mountPath", "devicePath", "ip", "type", "topologyKey", "name", "containerPort");

  private static final String DIRECTIVE = "$patch";

  private StrategicMerge() {}

  /** The object with the patch merged in; null when the patch deletes it. */
  static MapNode apply(MapNode base, MapNode patch) {
    Node merged = merge(base, patch, "", false);
    return merged instanceof MapNode m ? m : null;
  }

  /** {@code inContainer}: the field is inside a container, where ports merge by containerPort. */
  private static Node merge(Node base, Node patch, String field, boolean inContainer) {
    FileGuard.checkTime();
    if (patch instanceof MapNode p && base instanceof MapNode b)
      return mergeMaps(b, p, inContainer);
    if (patch instanceof SeqNode p && base instanceof SeqNode b)
      return mergeLists(b, p, field, inContainer);
    return clean(patch);
  }

  private static Node mergeMaps(MapNode base, MapNode patch, boolean inContainer) {
    String directive = Trees.text(patch, DIRECTIVE);
    if ("delete".equals(directive)) return null;
    if ("replace".equals(directive)) return clean(patch);
    MapNode result = base;
    for (MapNode.Entry e : patch.entries()) {
      if (e.key().startsWith("$")) continue;
      if (e.value() instanceof ScalarNode s && s.isNull()) {
        result = Trees.remove(result, e.key());
        continue;
      }
      MapNode.Entry existing = result.entry(e.key());
      if (existing == null && "delete".equals(Trees.text(e.value(), DIRECTIVE))) continue;
      boolean container = inContainer || isContainerList(e.key());
      Node merged =
          existing == null
              ? clean(e.value())
              : merge(existing.value(), e.value(), e.key(), container);
      result =
          merged == null
              ? Trees.remove(result, e.key())
              : Trees.put(
                  result,
                  e.key(),
                  existing == null ? e.keyLocation() : existing.keyLocation(),
                  merged);
    }
    return result;
  }

  private static boolean isContainerList(String field) {
    return field.equals("containers")
        || field.equals("initContainers")
        || field.equals("ephemeralContainers");
  }

  private static Node mergeLists(SeqNode base, SeqNode patch, String field, boolean inContainer) {
    List<Node> patchItems = new ArrayList<>();
    boolean replace = false;
    for (Node item : patch.items()) {
      if (item instanceof MapNode m
          && m.entries().size() == 1
          && "replace".equals(Trees.text(m, DIRECTIVE))) replace = true;
      else patchItems.add(item);
    }
    if (replace) return clean(new SeqNode(patch.location(), patch.tag(), patchItems));
    String key = mergeKey(base, patch, field, inContainer);
    if (key == null) return clean(patch);
    List<Node> items = new ArrayList<>(base.items());
    for (Node item : patchItems) {
      if (!(item instanceof MapNode p)) continue;
      int at = indexOf(items, key, Trees.text(p, key));
      if ("delete".equals(Trees.text(p, DIRECTIVE))) {
        if (at >= 0) items.remove(at);
      } else if (at >= 0) {
        Node merged = merge(items.get(at), p, field, inContainer);
        if (merged == null) items.remove(at);
        else items.set(at, merged);
      } else {
        items.add(clean(p));
      }
    }
    return new SeqNode(base.location(), base.tag(), List.copyOf(items));
  }

  private static String mergeKey(SeqNode base, SeqNode patch, String field, boolean inContainer) {
    if (field.equals("ports")) return inContainer ? "containerPort" : "port";
    String known = MERGE_KEYS.get(field);
    if (known != null) return known;
    for (String key : INFERRED_KEYS)
      if (allHave(base, key) && allHave(patch, key) && !base.items().isEmpty()) return key;
    return null;
  }

  private static boolean allHave(SeqNode list, String key) {
    for (Node item : list.items()) {
      if (!(item instanceof MapNode m)) return false;
      if (m.has(DIRECTIVE) && m.entries().size() == 1) continue;
      if (Trees.text(m, key) == null) return false;
    }
    return true;
  }

  private static int indexOf(List<Node> items, String key, String value) {
    if (value == null) return -1;
    for (int i = 0; i < items.size(); i++)
      if (value.equals(Trees.text(items.get(i), key))) return i;
    return -1;
  }

  /** A patch value added as it is: directives and null-valued keys left out. */
  static Node clean(Node node) {
    if (node instanceof MapNode m) {
      List<MapNode.Entry> entries = new ArrayList<>(m.entries().size());
      for (MapNode.Entry e : m.entries()) {
        if (e.key().startsWith("$") || e.value() instanceof ScalarNode s && s.isNull()) continue;
        entries.add(new MapNode.Entry(e.key(), e.keyLocation(), clean(e.value())));
      }
      return new MapNode(m.location(), m.tag(), List.copyOf(entries));
    }
    if (node instanceof SeqNode s) {
      List<Node> items = new ArrayList<>(s.items().size());
      for (Node item : s.items()) items.add(clean(item));
      return new SeqNode(s.location(), s.tag(), List.copyOf(items));
    }
    return node;
  }
}
