package dev.relplan.generate;

import dev.relplan.model.ComputeGroup;
import dev.relplan.model.Resource;
import dev.relplan.model.Workload;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Pod deletion experiments for the Kubernetes workloads the repository defines, as one standalone
 * CloudFormation template: manifests, charts and overlays do not say which EKS cluster runs them,
 * so the cluster's ARN and the Kubernetes service account FIS acts as are its parameters. Each
 * targets the workload's pods by its namespace and its own pod labels (target type {@code
 * aws:eks:pod} with target parameters clusterIdentifier, namespace, selectorType and selectorValue;
 * action {@code aws:eks:pod-delete} with kubernetesServiceAccount:
 * https://docs.aws.amazon.com/fis/latest/userguide/eks-pod-actions.html and the FIS actions
 * reference).
 */
final class KubernetesFis {
  static final String FILE = FisGenerator.FOLDER + "kubernetes-pod-delete.yaml";

  private KubernetesFis() {}

  /** The experiments, one per workload object that keeps a count of replicas. */
  static List<FisTemplate> experiments(Workload w, List<String> notes) {
    Map<String, ComputeGroup> byObject = new TreeMap<>();
    for (ComputeGroup g : w.all(ComputeGroup.class)) {
      if (g.kind != ComputeGroup.Kind.KUBERNETES_WORKLOAD
          || g.replication != ComputeGroup.Replication.COUNT
          || g.exists.isFalse()) continue;
      if (g.podLabels.isEmpty() || g.namespace == null) {
        notes.add(
            g.kubernetesName()
                + ": its pods have no labels to select them by, so no pod deletion experiment");
        continue;
      }
      // One object defined by several manifests, overlays or charts gets one experiment.
      String object = g.definedObject != null ? g.definedObject.identity() : g.key();
      byObject.putIfAbsent(object, g);
    }
    List<FisTemplate> out = new ArrayList<>();
    for (ComputeGroup g : byObject.values()) out.add(podDelete(g));
    return out;
  }

  private static FisTemplate podDelete(ComputeGroup g) {
    Map<String, FisTemplate.Value> target = new LinkedHashMap<>();
    target.put("clusterIdentifier", new FisTemplate.Input(FisInput.EKS_CLUSTER_ARN));
    target.put("namespace", new FisTemplate.Literal(g.namespace));
    // A Deployment is selected by its name (selectorType deploymentName), exact whatever labels
    // its pods share with others; other kinds by one pod label, the form the FIS documentation
    // shows for labelSelector ("key=value").
    boolean deployment = "Deployment".equals(g.type);
    target.put(
        "selectorType", new FisTemplate.Literal(deployment ? "deploymentName" : "labelSelector"));
    target.put(
        "selectorValue",
        new FisTemplate.Literal(
            deployment ? g.id.substring(g.id.lastIndexOf('/') + 1) : selector(g.podLabels)));
    return new FisTemplate(
        "pods",
        g.kubernetesName(),
        "Delete one pod of "
            + g.kubernetesName()
            + (deployment ? "" : " (a pod labelled " + selector(g.podLabels) + " in its namespace)")
            + ": its controller starts a replacement and the workload keeps serving from its other pods",
        List.of(
            new FisTemplate.Target(
                "Pods", "aws:eks:pod", "COUNT(1)", List.of(), Map.of(), target, List.of())),
        List.of(
            new FisTemplate.Action(
                "pods",
                "aws:eks:pod-delete",
                Map.of(
                    "kubernetesServiceAccount",
                    new FisTemplate.Input(FisInput.KUBERNETES_SERVICE_ACCOUNT)),
                "Pods",
                "Pods")),
        Set.of("AWSFaultInjectionSimulatorEKSAccess"),
        Set.of(),
        false);
  }

  /**
   * One pod label as key=value: the well-known name label when the pods carry one, else the first
   * label in key order (the experiment may then pick a pod of another workload sharing it in the
   * namespace, which its description says).
   */
  static String selector(Map<String, String> labels) {
    for (String key : List.of("app.kubernetes.io/name", "app"))
      if (labels.containsKey(key)) return key + "=" + labels.get(key);
    Map.Entry<String, String> first = new TreeMap<>(labels).firstEntry();
    return first.getKey() + "=" + first.getValue();
  }

  /** The standalone template holding the experiments, their role and parameters. */
  static GeneratedFile template(List<FisTemplate> experiments) {
    List<String> lines = new ArrayList<>();
    lines.add("AWSTemplateFormatVersion: \"2010-09-09\"");
    lines.add(
        "Description: \"relplan generate fis: pod deletion experiments for the Kubernetes"
            + " workloads; nothing runs until an experiment is started\"");
    lines.add("Parameters:");
    Set<String> taken = new HashSet<>();
    for (String line : CloudFormationFis.parameters(experiments, taken)) lines.add("  " + line);
    lines.add("Resources:");
    lines.add(
        "  # The manifests define no CloudWatch alarm, so the experiments have no stop condition:"
            + " add one on the workload's errors and name it before running them.");
    List<String> resources = new ArrayList<>(CloudFormationFis.role("RelplanFisRole", experiments));
    for (FisTemplate e : experiments) {
      String base = "RelplanFisPods" + CloudFormationFis.alphanumeric(e.subjectId());
      String id = base;
      for (int i = 2; !taken.add(id); i++) id = base + i;
      resources.addAll(CloudFormationFis.experiment(id, "RelplanFisRole", e, List.<Resource>of()));
    }
    for (String line : resources) lines.add("  " + line);
    return new GeneratedFile(FILE, String.join("\n", lines) + "\n");
  }
}
