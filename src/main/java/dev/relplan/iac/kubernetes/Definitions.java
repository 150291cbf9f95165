package dev.relplan.iac.kubernetes;

import dev.relplan.parse.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One object, several definitions: repositories often describe the same services as manifests, a
 * Kustomize overlay and a Helm chart side by side. Each object (kind, namespace, name) is assessed
 * from the first definition that declares it; later definitions of it are counted for the notes.
 */
final class Definitions {
  /** Object id → the definition it was first read from. */
  private final Map<String, String> firstDefinition = new HashMap<>();

  /** (first definition, repeating definition) → objects repeated, in the order met. */
  private final Map<String, Integer> repeated = new LinkedHashMap<>();

  /** The whole objects of {@code documents} that no earlier definition declared. */
  List<Node> keep(String definition, List<Node> documents) {
    List<Node> kept = new ArrayList<>();
    for (KubernetesObject o : KubernetesObjects.of(documents)) {
      String first = firstDefinition.putIfAbsent(o.id(), definition);
      if (first == null || first.equals(definition)) kept.add(o.node());
      else repeated.merge(first + "\n" + definition, 1, Integer::sum);
    }
    return kept;
  }

  /** One note naming, for each repeating definition, how many objects it repeats and whose. */
  List<String> notes() {
    if (repeated.isEmpty()) return List.of();
    List<String> parts = new ArrayList<>();
    repeated.forEach(
        (pair, count) -> {
          String[] names = pair.split("\n", 2);
          parts.add(names[1] + " repeats " + count + " of " + names[0]);
        });
    return List.of(
        "Kubernetes: objects defined more than once (same kind, namespace and name) are assessed"
            + " once, from their first definition: "
            + String.join("; ", parts));
  }
}
