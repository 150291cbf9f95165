package dev.relplan.iac.kubernetes;

import dev.relplan.model.ComputeGroup;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import java.util.List;
import java.util.Set;

/**
 * Objects that run pods (Deployment, StatefulSet, ReplicaSet, DaemonSet, Job, CronJob, bare Pod,
 * Argo Rollouts Rollout) as compute groups whose instances are the pods. Defaults are those of the
 * Kubernetes API, cited in docs/kubernetes-defaults.md.
 */
final class WorkloadMapper {
  /** The zone label and its deprecated beta name, both still honoured by schedulers. */
  static final Set<String> ZONE_KEYS =
      Set.of("topology.kubernetes.io/zone", "failure-domain.beta.kubernetes.io/zone");

  static final String DEFAULT_REPLICAS =
      "replicas not set: Kubernetes runs 1 replica (spec.replicas defaults to 1)";

  private WorkloadMapper() {}

  /** The replication of a kind that runs pods, or null for any other kind. */
  static ComputeGroup.Replication replication(KubernetesObject o) {
    return switch (o.kind()) {
      case "Deployment", "StatefulSet", "ReplicaSet", "ReplicationController" ->
          ComputeGroup.Replication.COUNT;
      case "Rollout" -> o.group().equals("argoproj.io") ? ComputeGroup.Replication.COUNT : null;
      case "DaemonSet" -> ComputeGroup.Replication.PER_NODE;
      case "Job", "CronJob" -> ComputeGroup.Replication.BATCH;
      case "Pod" -> ComputeGroup.Replication.NONE;
      default -> null;
    };
  }

  static void map(
      KubernetesObject o, ComputeGroup.Replication replication, String scope, Workload w) {
    ComputeGroup g = new ComputeGroup(scope, o.id(), o.kind(), o.kindLocation());
    g.kind = ComputeGroup.Kind.KUBERNETES_WORKLOAD;
    g.replication = replication;
    g.namespace = o.effectiveNamespace();
    g.name = Value.explicit(o.name(), List.of(o.nameLocation()));
    g.tags.putAll(Fields.labels(o.node(), "metadata", "labels"));
    MapNode template = podTemplate(o);
    g.podLabels.putAll(Fields.labels(template, "metadata", "labels"));
    if (replication == ComputeGroup.Replication.COUNT)
      g.desired = Fields.integer(Fields.at(o.node(), "spec"), "replicas", defaultReplicas());
    else if (replication == ComputeGroup.Replication.NONE)
      g.desired = Value.defaulted(1, "a bare Pod is one instance");
    MapNode podSpec = Fields.map(template, "spec");
    g.zoneSpread = zoneSpread(podSpec);
    g.readinessCheck = readinessCheck(podSpec);
    g.probes.addAll(Probes.of(podSpec));
    ContainerEnv.read(podSpec, g);
    Releases.map(o, g);
    w.add(g);
    StatefulImages.map(o, g, podSpec, scope, w);
    StorageMapper.claims(o, g, podSpec, scope, w);
  }

  /**
   * True at the first container's readiness probe: a pod is ready only when every container with a
   * probe passes it. Without any, a container counts as ready as soon as it starts.
   */
  static Value<Boolean> readinessCheck(MapNode podSpec) {
    for (Node c : Fields.seq(podSpec, "containers")) {
      MapNode probe = Fields.map(c, "readinessProbe");
      if (probe != null) return Value.explicit(true, Origins.trace(probe));
    }
    return Value.defaulted(
        false,
        "no readinessProbe on any container: Kubernetes counts a container ready as soon as it"
            + " starts");
  }

  static Value<Integer> defaultReplicas() {
    return Value.defaulted(1, DEFAULT_REPLICAS);
  }

  /** The pod template: the object itself for a Pod, the job's template for a CronJob. */
  static MapNode podTemplate(KubernetesObject o) {
    return switch (o.kind()) {
      case "Pod" -> o.node();
      case "CronJob" -> Fields.map(o.node(), "spec", "jobTemplate", "spec", "template");
      default -> Fields.map(o.node(), "spec", "template");
    };
  }

  /**
   * True at the line of a topology spread constraint or a pod anti-affinity term on the zone key;
   * false (the scheduler is not asked to spread across zones) otherwise.
   */
  static Value<Boolean> zoneSpread(MapNode podSpec) {
    for (Node c : Fields.seq(podSpec, "topologySpreadConstraints")) {
      Value<Boolean> spread = onZoneKey(c);
      if (spread != null) return spread;
    }
    MapNode antiAffinity = Fields.map(podSpec, "affinity", "podAntiAffinity");
    for (Node term : Fields.seq(antiAffinity, "requiredDuringSchedulingIgnoredDuringExecution")) {
      Value<Boolean> spread = onZoneKey(term);
      if (spread != null) return spread;
    }
    for (Node weighted :
        Fields.seq(antiAffinity, "preferredDuringSchedulingIgnoredDuringExecution")) {
      Value<Boolean> spread = onZoneKey(Fields.at(weighted, "podAffinityTerm"));
      if (spread != null) return spread;
    }
    return Value.defaulted(
        false,
        "no topologySpreadConstraints or pod anti-affinity on the zone key"
            + " (topology.kubernetes.io/zone): the scheduler may place every replica in one zone");
  }

  private static Value<Boolean> onZoneKey(Node term) {
    ScalarNode key = Fields.scalar(term, "topologyKey");
    if (key == null || !ZONE_KEYS.contains(key.text())) return null;
    return Value.explicit(true, List.of(key.location()));
  }
}
