package dev.relplan.iac.kubernetes.kustomize;

import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.SeqNode;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The kustomization fields that rewrite every object: {@code namespace}, {@code namePrefix} and
 * {@code nameSuffix}, labels, annotations, {@code replicas} and {@code images}. Each value written
 * carries the kustomization line that set it.
 */
final class Transformers {
  private Transformers() {}

  static void namespace(List<RenderedObject> objects, ScalarNode namespace) {
    if (namespace == null || namespace.text() == null || namespace.text().isBlank()) return;
    for (RenderedObject o : objects) {
      if (FieldSpec.CLUSTER_SCOPED.contains(o.kind())) continue;
      set(o, List.of("metadata", "namespace"), namespace.location(), namespace);
    }
  }

  /** Adds prefix and suffix to names; the new name is located at the kustomization's line. */
  static void rename(List<RenderedObject> objects, ScalarNode prefix, ScalarNode suffix) {
    String before = prefix == null || prefix.text() == null ? "" : prefix.text();
    String after = suffix == null || suffix.text() == null ? "" : suffix.text();
    if (before.isEmpty() && after.isEmpty()) return;
    Location at = (before.isEmpty() ? suffix : prefix).location();
    for (RenderedObject o : objects) {
      if (FieldSpec.NOT_RENAMED.contains(o.kind()) || o.name() == null) continue;
      set(o, List.of("metadata", "name"), at, Trees.string(at, before + o.name() + after));
    }
  }

  /** Writes each label or annotation (its kustomization line and value) at the field specs. */
  static void pairs(List<RenderedObject> objects, MapNode pairs, List<FieldSpec> specs) {
    if (pairs == null) return;
    for (RenderedObject o : objects)
      for (FieldSpec spec : specs) {
        if (!spec.appliesTo(o.kind())) continue;
        for (MapNode.Entry pair : pairs.entries()) {
          List<String> path = new ArrayList<>(spec.path());
          path.add(pair.key());
          edit(o, path, spec.create(), pair.keyLocation(), pair.value());
        }
      }
  }

  /** {@code replicas}: each entry's count on the objects that have or had its name. */
  static void replicas(List<RenderedObject> objects, List<Node> entries) {
    if (entries.isEmpty()) return;
    Map<String, List<RenderedObject>> byName = RenderedObject.byName(objects);
    for (Node entry : entries) {
      String name = Trees.text(entry, "name");
      Node count = entry instanceof MapNode m ? m.get("count") : null;
      if (name == null || !(count instanceof ScalarNode)) continue;
      for (RenderedObject o : byName.getOrDefault(name, List.of()))
        if (FieldSpec.REPLICA_KINDS.contains(o.kind()))
          set(o, List.of("spec", "replicas"), count.location(), count);
    }
  }

  /** {@code images}: new name, tag or digest for every container whose image has the name. */
  static void images(List<RenderedObject> objects, List<Node> entries) {
    for (Node entry : entries) {
      if (Trees.text(entry, "name") == null) continue;
      for (RenderedObject o : objects) {
        Node after = images(o.node(), (MapNode) entry);
        if (after != o.node()) o.replace((MapNode) after);
      }
    }
  }

  /** The node with matching images retagged; the same node when nothing in it changed. */
  private static Node images(Node node, MapNode entry) {
    if (node instanceof SeqNode s) {
      List<Node> items = new ArrayList<>(s.items().size());
      boolean changed = false;
      for (Node item : s.items()) {
        Node after = images(item, entry);
        changed |= after != item;
        items.add(after);
      }
      return changed ? new SeqNode(s.location(), s.tag(), List.copyOf(items)) : s;
    }
    if (!(node instanceof MapNode m)) return node;
    List<MapNode.Entry> entries = new ArrayList<>(m.entries().size());
    boolean changed = false;
    for (MapNode.Entry e : m.entries()) {
      Node after =
          e.key().equals("image") && e.value() instanceof ScalarNode image
              ? Images.retag(image, entry)
              : images(e.value(), entry);
      changed |= after != e.value();
      entries.add(after == e.value() ? e : new MapNode.Entry(e.key(), e.keyLocation(), after));
    }
    return changed ? new MapNode(m.location(), m.tag(), List.copyOf(entries)) : m;
  }

  private static void set(RenderedObject o, List<String> path, Location at, Node value) {
    edit(o, path, true, at, value);
  }

  private static void edit(
      RenderedObject o, List<String> path, boolean create, Location at, Node value) {
    Node changed = Trees.edit(o.node(), path, create, at, old -> value);
    if (changed instanceof MapNode m && changed != o.node()) o.replace(m);
  }
}
