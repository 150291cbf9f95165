package dev.relplan.iac.kubernetes.kustomize;

import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One object while a kustomization renders: its current tree and every name it had, so that a patch
 * or a {@code replicas} entry naming the base's name still finds it after a prefix was added, and
 * references to an old name can be renamed.
 */
final class RenderedObject {
  private MapNode node;
  private final List<String> names = new ArrayList<>();
  private boolean removed;

  RenderedObject(MapNode node) {
    this.node = node;
    String name = name();
    if (name != null) names.add(name);
  }

  /** Deleted by a {@code $patch: delete}: no longer among the objects. */
  boolean removed() {
    return removed;
  }

  void remove() {
    removed = true;
  }

  MapNode node() {
    return node;
  }

  void replace(MapNode changed) {
    node = changed;
    String name = name();
    if (name != null && !names.contains(name)) names.add(name);
  }

  /** Every name the object had, its first name first. */
  List<String> names() {
    return names;
  }

  boolean hadName(String name) {
    return names.contains(name);
  }

  String kind() {
    return Trees.text(node, "kind");
  }

  String apiVersion() {
    String v = Trees.text(node, "apiVersion");
    return v == null ? "" : v;
  }

  /** The API group: "" for the core group ({@code apiVersion: v1}). */
  String group() {
    String v = apiVersion();
    int slash = v.indexOf('/');
    return slash < 0 ? "" : v.substring(0, slash);
  }

  String version() {
    String v = apiVersion();
    return v.substring(v.indexOf('/') + 1);
  }

  String name() {
    return Trees.text(Trees.map(node, "metadata"), "name");
  }

  String namespace() {
    return Trees.text(Trees.map(node, "metadata"), "namespace");
  }

  Map<String, String> labels() {
    return stringMap(Trees.map(Trees.map(node, "metadata"), "labels"));
  }

  Map<String, String> annotations() {
    return stringMap(Trees.map(Trees.map(node, "metadata"), "annotations"));
  }

  /** kind/namespace/name, as kustomize tells objects apart. */
  String id() {
    String ns = namespace();
    return kind() + "/" + (ns == null ? "" : ns + "/") + name();
  }

  private static Map<String, String> stringMap(MapNode map) {
    Map<String, String> out = new LinkedHashMap<>();
    if (map == null) return out;
    for (MapNode.Entry e : map.entries())
      if (e.value() instanceof ScalarNode s && s.text() != null) out.put(e.key(), s.text());
    return out;
  }

  /**
   * The objects by every name they had: how {@code replicas} entries and target-less patches find
   * their objects without scanning all of them for each entry.
   */
  static Map<String, List<RenderedObject>> byName(List<RenderedObject> objects) {
    Map<String, List<RenderedObject>> index = new HashMap<>();
    for (RenderedObject o : objects)
      for (String name : o.names) index.computeIfAbsent(name, n -> new ArrayList<>()).add(o);
    return index;
  }

  static boolean isObject(Node doc) {
    return doc instanceof MapNode m && Trees.text(m, "kind") != null;
  }
}
