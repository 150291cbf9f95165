package dev.relplan.iac.kubernetes.kustomize;

import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * After {@code namePrefix}/{@code nameSuffix} renamed objects, the references to them that decide
 * reliability follow, as kustomize's name-reference configuration does for these kinds: an HPA's
 * {@code scaleTargetRef}, Ingress backends, a StatefulSet's {@code serviceName}, and pod volumes'
 * ConfigMap, Secret and claim names. Label selectors are not names and are left alone.
 */
final class NameReferences {
  /** A reference field: the kind it names, and its path within the referring kinds. */
  private record Reference(String target, Set<String> referrers, List<String> path) {}

  private static final List<String> POD_SPECS =
      List.of("spec/template/spec/", "spec/jobTemplate/spec/template/spec/", "spec/");

  private static final List<Reference> REFERENCES = references();

  private NameReferences() {}

  private static List<Reference> references() {
    List<Reference> refs = new ArrayList<>();
    Set<String> ingress = Set.of("Ingress");
    refs.add(ref("Service", ingress, "spec/rules/[]/http/paths/[]/backend/service/name"));
    refs.add(ref("Service", ingress, "spec/rules/[]/http/paths/[]/backend/serviceName"));
    refs.add(ref("Service", ingress, "spec/defaultBackend/service/name"));
    refs.add(ref("Service", ingress, "spec/backend/serviceName"));
    refs.add(ref("Service", Set.of("StatefulSet"), "spec/serviceName"));
    for (String podSpec : POD_SPECS) {
      refs.add(ref("ConfigMap", Set.of(), podSpec + "volumes/[]/configMap/name"));
      refs.add(ref("Secret", Set.of(), podSpec + "volumes/[]/secret/secretName"));
      refs.add(
          ref(
              "PersistentVolumeClaim",
              Set.of(),
              podSpec + "volumes/[]/persistentVolumeClaim/claimName"));
    }
    return List.copyOf(refs);
  }

  private static Reference ref(String target, Set<String> referrers, String path) {
    return new Reference(target, referrers, List.of(path.split("/")));
  }

  /**
   * Renames the references. {@code renamed} maps "kind/old name" to the new name, located at the
   * line that renamed it.
   */
  static void fix(List<RenderedObject> objects, Map<String, ScalarNode> renamed) {
    if (renamed.isEmpty()) return;
    for (RenderedObject o : objects) {
      for (Reference r : REFERENCES) {
        if (!r.referrers().isEmpty() && !r.referrers().contains(o.kind())) continue;
        replace(o, r.path(), r.target(), renamed);
      }
      String scaled = Trees.text(Trees.at(o.node(), List.of("spec", "scaleTargetRef")), "kind");
      if ("HorizontalPodAutoscaler".equals(o.kind()) && scaled != null)
        replace(o, List.of("spec", "scaleTargetRef", "name"), scaled, renamed);
    }
  }

  private static void replace(
      RenderedObject o, List<String> path, String kind, Map<String, ScalarNode> renamed) {
    Node changed =
        Trees.edit(
            o.node(),
            path,
            false,
            null,
            old -> {
              if (!(old instanceof ScalarNode s) || s.text() == null) return old;
              ScalarNode name = renamed.get(kind + "/" + s.text());
              return name == null ? old : name;
            });
    if (changed instanceof MapNode m && changed != o.node()) o.replace(m);
  }
}
