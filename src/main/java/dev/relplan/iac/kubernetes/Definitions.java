package dev.relplan.iac.kubernetes;

import dev.relplan.model.DefinedObject;
import dev.relplan.model.GenericResource;
import dev.relplan.model.Resource;
import dev.relplan.model.Workload;
import dev.relplan.parse.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One object, several definitions: repositories often describe the same services as manifests, a
 * Kustomize overlay and a Helm chart side by side. Every definition is mapped in its own scope and
 * each resource is marked with the object it defines ({@link DefinedObject}), so that the
 * assessment can list an object's agreeing findings once with evidence from each definition. Within
 * one scope (the manifests as written share one) an object is read from its first file only, as
 * {@code kubectl apply} of the later file would replace it.
 */
final class Definitions {
  /** Object id → the definition it was first read from. */
  private final Map<String, String> firstDefinition = new HashMap<>();

  /** Scope and object id → the definition it was first read from within that scope. */
  private final Map<String, String> firstInScope = new HashMap<>();

  /** Definition → its order of precedence, in the order met. */
  private final Map<String, Integer> ranks = new LinkedHashMap<>();

  /** (first definition, later definition) → objects defined by both, in the order met. */
  private final Map<String, Integer> repeated = new LinkedHashMap<>();

  /** (first file, later file) of one scope → objects the later file repeats, in the order met. */
  private final Map<String, Integer> repeatedInScope = new LinkedHashMap<>();

  /** The whole objects of {@code documents} that no earlier file of {@code scope} declared. */
  List<Node> keep(String definition, String scope, List<Node> documents) {
    ranks.putIfAbsent(definition, ranks.size());
    List<Node> kept = new ArrayList<>();
    for (KubernetesObject o : KubernetesObjects.of(documents)) {
      String inScope = firstInScope.putIfAbsent(scope + "#" + o.id(), definition);
      if (inScope != null && !inScope.equals(definition)) {
        repeatedInScope.merge(inScope + "\n" + definition, 1, Integer::sum);
        continue;
      }
      String first = firstDefinition.putIfAbsent(o.id(), definition);
      if (first != null && !first.equals(definition))
        repeated.merge(first + "\n" + definition, 1, Integer::sum);
      kept.add(o.node());
    }
    return kept;
  }

  /** What marks each resource {@code definition} adds with the object it defines. */
  Consumer<Workload> marking(String definition) {
    int rank = ranks.getOrDefault(definition, ranks.size());
    return draft -> {
      for (Resource r : draft.resources()) {
        r.definedObject = new DefinedObject(r.id, definition, rank);
        // An object not assessed by any rule is counted once, from its first definition.
        if (r instanceof GenericResource && !definition.equals(firstDefinition.get(r.id)))
          draft.notAssessedTypes.computeIfPresent(r.type, (type, n) -> n > 1 ? n - 1 : null);
      }
    };
  }

  /** The notes naming the definitions that repeat others' objects, and how many. */
  List<String> notes() {
    List<String> notes = new ArrayList<>();
    if (!repeated.isEmpty())
      notes.add(
          "Kubernetes: objects defined more than once (same kind, namespace and name) are assessed"
              + " from every definition and reported once where their definitions agree: "
              + pairs(repeated, " defines "));
    if (!repeatedInScope.isEmpty())
      notes.add(
          "Kubernetes: manifest files that repeat another file's objects are read from the first"
              + " file (applying the later would replace them): "
              + pairs(repeatedInScope, " repeats "));
    return notes;
  }

  private static String pairs(Map<String, Integer> counts, String verb) {
    List<String> parts = new ArrayList<>();
    counts.forEach(
        (pair, count) -> {
          String[] names = pair.split("\n", 2);
          parts.add(names[1] + verb + count + " of " + names[0]);
        });
    return String.join("; ", parts);
  }
}
