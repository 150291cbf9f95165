package dev.relplan.generate;

import dev.relplan.model.ComputeGroup;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import java.util.ArrayList;
import java.util.List;

/** What the Kubernetes fixes read from and add to a workload's pod spec in a plain manifest. */
final class PodSpecs {
  private PodSpecs() {}

  /**
   * A topologySpreadConstraints entry on the zone key before the pod spec's first key: maxSkew 1,
   * topologyKey, whenUnsatisfiable ScheduleAnyway (the scheduler prefers zones that reduce the skew
   * but still places a pod when none can) and a labelSelector on the pod labels (Kubernetes API
   * reference, core/v1 TopologySpreadConstraint). Null when the pod spec cannot take it.
   */
  static FixOutcome.Edit zoneSpread(FixTarget t, ComputeGroup g) throws YamlTemplate.NotEditable {
    EditedFile f = t.file();
    MapNode pod = KubernetesFixes.podSpec(KubernetesFixes.document(f, g));
    if (pod == null
        || pod.entries().isEmpty()
        || pod.has("topologySpreadConstraints")
        || g.podLabels.isEmpty()) return null;
    List<String> block =
        new ArrayList<>(
            List.of(
                "topologySpreadConstraints:",
                "  - maxSkew: 1",
                "    topologyKey: topology.kubernetes.io/zone",
                "    whenUnsatisfiable: ScheduleAnyway",
                "    labelSelector:",
                "      matchLabels:"));
    block.addAll(KubernetesFixes.labelLines(g.podLabels, "        "));
    UnifiedDiff.Insertion at = KubernetesFixes.before(f, pod.entries().get(0), block);
    return at == null ? null : new FixOutcome.Edit(null, at);
  }

  /**
   * What the autoscaler needs of the containers: a CPU Utilization target is a share of each
   * container's resources.requests.cpu, and without a request the pod's utilization is not defined
   * and the autoscaler takes no action on it (kubernetes.io, "Horizontal Pod Autoscaling", support
   * for resource metrics). The request is not generated: only the team knows what one pod uses.
   */
  static String cpuRequestNote(FixTarget t, ComputeGroup g, boolean helm, int min)
      throws YamlTemplate.NotEditable {
    String without =
        " the autoscaler cannot compute CPU utilization and does not scale up (it still keeps "
            + min
            + " replicas): set it to what one pod uses under its usual load.";
    if (helm)
      return "Check that the rendered containers set resources.requests.cpu: without it" + without;
    List<String> missing = new ArrayList<>();
    MapNode pod = KubernetesFixes.podSpec(KubernetesFixes.document(t.file(), g));
    for (Node c : KubernetesFixes.seq(pod, "containers")) {
      MapNode requests = KubernetesFixes.map(KubernetesFixes.map(c, "resources"), "requests");
      if (KubernetesFixes.text(requests, "cpu") == null)
        missing.add(String.valueOf(KubernetesFixes.text(c, "name")));
    }
    if (missing.isEmpty()) return "";
    return (missing.size() == 1 ? "Container " : "Containers ")
        + String.join(", ", missing)
        + " declare"
        + (missing.size() == 1 ? "s" : "")
        + " no resources.requests.cpu: until "
        + (missing.size() == 1 ? "it does," : "they do,")
        + without;
  }
}
