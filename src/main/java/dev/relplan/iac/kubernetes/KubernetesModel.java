package dev.relplan.iac.kubernetes;

import dev.relplan.model.ComputeGroup;
import dev.relplan.model.DisruptionBudget;
import dev.relplan.model.GenericResource;
import dev.relplan.model.LabelSelector;
import dev.relplan.model.PodService;
import dev.relplan.model.Production;
import dev.relplan.model.Workload;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one mapping of Kubernetes objects into the model, whatever produced their documents: raw
 * manifests, or a Kustomize or Helm rendering that keeps each field's location.
 */
public final class KubernetesModel {
  private KubernetesModel() {}

  /**
   * Adds the whole objects of the documents to the workload. {@code sourceLabel} is the scope of
   * their resources: autoscalers find their targets within it, so objects rendered together must
   * share it. {@code origins} gives, for a rendered node, the lines that supplied its value (a Helm
   * values-file line), cited after the node's own line.
   */
  public static void add(
      List<Node> documents, String sourceLabel, Map<Node, List<Location>> origins, Workload w) {
    Origins.with(origins, () -> add(documents, sourceLabel, w));
  }

  public static void add(List<Node> documents, String sourceLabel, Workload w) {
    Set<String> environments = new HashSet<>();
    for (KubernetesObject o : KubernetesObjects.of(documents)) {
      environment(o, environments, w);
      // An Ingress stays a type not assessed; only its request timeout is read.
      if (o.kind().equals("Ingress")) RequestTimeouts.ingress(o, sourceLabel, w);
      ComputeGroup.Replication replication = WorkloadMapper.replication(o);
      if (replication != null) {
        WorkloadMapper.map(o, replication, sourceLabel, w);
      } else if (ScalingMapper.isAutoscaler(o)) {
        ScalingMapper.map(o, sourceLabel, w);
      } else if (o.kind().equals("Service") && o.group().isEmpty()) {
        ServiceMapper.service(o, sourceLabel, w);
        RequestTimeouts.service(o, sourceLabel, w);
      } else if (o.kind().equals("PodDisruptionBudget")) {
        ServiceMapper.budget(o, sourceLabel, w);
      } else if (AlertingMapper.isAlertingRules(o)) {
        AlertingMapper.map(o, sourceLabel, w);
      } else if (o.kind().equals("Canary") && o.group().equals("flagger.app")) {
        Releases.canary(o, sourceLabel, w);
      } else if (StorageMapper.isClaim(o)) {
        StorageMapper.claim(o, sourceLabel, w);
      } else if (!StorageMapper.backup(o, sourceLabel, w)) {
        w.notAssessedTypes.merge(o.kind(), 1, Integer::sum);
        w.add(new GenericResource(sourceLabel, o.id(), o.kind(), o.kindLocation()));
      }
    }
  }

  /**
   * A namespace named like an environment (shop-staging, prod) is where these definitions are
   * deployed: evidence of that environment, once per namespace and call.
   */
  private static void environment(KubernetesObject o, Set<String> seen, Workload w) {
    ScalarNode namespace = Fields.scalar(o.node(), "metadata", "namespace");
    if (o.kind().equals("Namespace")) namespace = Fields.scalar(o.node(), "metadata", "name");
    if (namespace == null || Production.classify(namespace.text()) == null) return;
    if (seen.add(namespace.text()))
      w.environments.add(
          new Workload.EnvironmentEvidence(
              namespace.text(), "Kubernetes namespace", namespace.location()));
  }

  /**
   * Ties the Kubernetes objects of the whole workload by label: the Services that route to each
   * workload's pods and the disruption budgets that cover them, within one scope and namespace, and
   * the probes to the code's health handlers (returning the notes on probes left unlinked). Run
   * once every adapter has added its objects.
   */
  public static List<String> link(Workload w) {
    Releases.linkRollouts(w);
    Map<String, List<ComputeGroup>> byNamespace = new HashMap<>();
    for (ComputeGroup g : w.all(ComputeGroup.class)) {
      if (g.kind != ComputeGroup.Kind.KUBERNETES_WORKLOAD) continue;
      g.servedBy.clear();
      g.disruptionBudgets.clear();
      byNamespace.computeIfAbsent(g.scope + "#" + g.namespace, k -> new ArrayList<>()).add(g);
    }
    for (PodService s : w.all(PodService.class))
      for (ComputeGroup g : selected(byNamespace, s.scope, s.namespace, s.selector))
        g.servedBy.add(s);
    for (DisruptionBudget b : w.all(DisruptionBudget.class))
      for (ComputeGroup g : selected(byNamespace, b.scope, b.namespace, b.selector))
        g.disruptionBudgets.add(b);
    Releases.linkCanaries(w);
    return ProbeLinks.link(w);
  }

  private static List<ComputeGroup> selected(
      Map<String, List<ComputeGroup>> byNamespace,
      String scope,
      String namespace,
      LabelSelector selector) {
    if (selector == null) return List.of();
    List<ComputeGroup> out = new ArrayList<>();
    for (ComputeGroup g : byNamespace.getOrDefault(scope + "#" + namespace, List.of()))
      // Pods without labels are selected by no Service or budget in practice.
      if (!g.podLabels.isEmpty() && selector.matches(g.podLabels)) out.add(g);
    return out;
  }
}
