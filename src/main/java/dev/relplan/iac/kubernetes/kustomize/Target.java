package dev.relplan.iac.kubernetes.kustomize;

import dev.relplan.model.LabelSelector;
import dev.relplan.parse.MapNode;

/**
 * A patch's {@code target}: group, version and kind compared exactly, name and namespace as
 * anchored patterns ({@link NamePattern}), label and annotation selectors ({@link SelectorText}).
 * An absent field matches every object.
 */
record Target(
    String group,
    String version,
    String kind,
    NamePattern name,
    NamePattern namespace,
    LabelSelector labels,
    LabelSelector annotations,
    String described) {

  static Target of(MapNode target) {
    String name = Trees.text(target, "name");
    String namespace = Trees.text(target, "namespace");
    String labels = Trees.text(target, "labelSelector");
    String annotations = Trees.text(target, "annotationSelector");
    return new Target(
        Trees.text(target, "group"),
        Trees.text(target, "version"),
        Trees.text(target, "kind"),
        name == null ? null : NamePattern.of(name),
        namespace == null ? null : NamePattern.of(namespace),
        labels == null ? null : SelectorText.parse(labels),
        annotations == null ? null : SelectorText.parse(annotations),
        describe(target));
  }

  boolean matches(RenderedObject o) {
    if (group != null && !group.equals(o.group())) return false;
    if (version != null && !version.equals(o.version())) return false;
    if (kind != null && !kind.equals(o.kind())) return false;
    if (name != null && o.names().stream().noneMatch(name::matches)) return false;
    if (namespace != null && !namespace.matches(o.namespace() == null ? "" : o.namespace()))
      return false;
    if (labels != null && !labels.matches(o.labels())) return false;
    return annotations == null || annotations.matches(o.annotations());
  }

  private static String describe(MapNode target) {
    StringBuilder s = new StringBuilder();
    for (MapNode.Entry e : target.entries()) {
      String text = Trees.text(target, e.key());
      if (text == null) continue;
      if (s.length() > 0) s.append(", ");
      s.append(e.key()).append(' ').append(text.length() > 80 ? text.substring(0, 80) + "…" : text);
    }
    return s.toString();
  }
}
