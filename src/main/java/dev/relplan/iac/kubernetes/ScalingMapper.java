package dev.relplan.iac.kubernetes;

import dev.relplan.model.ResourceRef;
import dev.relplan.model.ScalableTarget;
import dev.relplan.model.ScalingPolicy;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.ScalarNode;
import java.util.List;

/**
 * Autoscalers of workloads: a HorizontalPodAutoscaler (v1, v2) or a KEDA ScaledObject becomes a
 * scalable target of its {@code scaleTargetRef} (same namespace) with a dynamic scaling policy, so
 * the model's linker ties both to the workload as it does for ECS services.
 */
final class ScalingMapper {
  private ScalingMapper() {}

  static boolean isAutoscaler(KubernetesObject o) {
    return o.kind().equals("HorizontalPodAutoscaler")
        || o.kind().equals("ScaledObject") && o.group().equals("keda.sh");
  }

  static void map(KubernetesObject o, String scope, Workload w) {
    boolean keda = o.kind().equals("ScaledObject");
    MapNode spec = Fields.map(o.node(), "spec");
    MapNode targetRef = Fields.map(spec, "scaleTargetRef");
    ScalarNode targetName = Fields.scalar(targetRef, "name");
    // KEDA's scaleTargetRef.kind defaults to Deployment; the HPA API requires it.
    String targetKind = Fields.text(targetRef, "kind");
    if (targetKind == null && keda) targetKind = "Deployment";
    ScalableTarget t = new ScalableTarget(scope, o.id(), o.kind(), o.kindLocation());
    t.name = Value.explicit(o.name(), List.of(o.nameLocation()));
    if (targetName != null && targetKind != null) {
      ResourceRef ref =
          new ResourceRef(
              scope,
              KubernetesObjects.id(targetKind, o.effectiveNamespace(), targetName.text()),
              null);
      t.resourceId = Value.explicit(ref, List.of(targetName.location()));
      t.references.add(ref);
    } else {
      t.resourceId = Value.unresolved("scaleTargetRef names no kind and name", List.of());
    }
    t.dimension = Value.explicit("replicas", List.of(o.kindLocation()));
    t.min =
        keda
            ? Fields.integer(
                spec,
                "minReplicaCount",
                Value.defaulted(0, "minReplicaCount not set: KEDA scales down to 0 replicas"))
            : Fields.integer(
                spec,
                "minReplicas",
                Value.defaulted(1, "minReplicas not set: the HorizontalPodAutoscaler keeps 1"));
    t.max =
        keda
            ? Fields.integer(
                spec,
                "maxReplicaCount",
                Value.defaulted(100, "maxReplicaCount not set: KEDA scales up to 100 replicas"))
            : Fields.integer(
                spec, "maxReplicas", Value.unresolved("maxReplicas is required", List.of()));
    w.add(t);
    ScalingPolicy p = new ScalingPolicy(scope, o.id() + "#policy", o.kind(), o.kindLocation());
    p.target = Value.explicit(t.ref(), List.of(o.kindLocation()));
    p.policyType =
        Value.explicit(keda ? "KEDA ScaledObject" : "HorizontalPodAutoscaler", List.of());
    w.add(p);
  }
}
