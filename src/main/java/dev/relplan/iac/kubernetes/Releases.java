package dev.relplan.iac.kubernetes;

import dev.relplan.model.ComputeGroup;
import dev.relplan.model.GenericResource;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * How a workload's releases roll out and roll back: a Deployment's update strategy, an Argo
 * Rollouts Rollout's analysis, a Flagger Canary targeting a Deployment.
 */
final class Releases {
  static final String NO_ROLLBACK =
      "no progressive-delivery controller with analysis targets it, so a failed rollout stops at"
          + " progressDeadlineSeconds but stays on the new version until someone runs kubectl"
          + " rollout undo";

  private Releases() {}

  static void map(KubernetesObject o, ComputeGroup g) {
    MapNode spec = Fields.map(o.node(), "spec");
    switch (o.kind()) {
      case "Deployment" -> {
        g.replacesAllAtOnce = allAtOnce(Fields.map(spec, "strategy"), g.desired);
        g.analysisRollback = Value.defaulted(false, NO_ROLLBACK);
      }
      case "Rollout" -> {
        g.analysisRollback = rolloutAnalysis(Fields.map(spec, "strategy"));
        // A Rollout may take its pods from a Deployment it then releases.
        MapNode workloadRef = Fields.map(spec, "workloadRef");
        String kind = Fields.text(workloadRef, "kind");
        String name = Fields.text(workloadRef, "name");
        if (kind != null && name != null)
          g.references.add(
              new ResourceRef(
                  g.scope, KubernetesObjects.id(kind, o.effectiveNamespace(), name), null));
      }
      default -> {}
    }
  }

  /**
   * {@code Recreate} stops every pod first; a rolling update whose {@code maxUnavailable} covers
   * every replica does the same. Unset, the strategy is RollingUpdate with maxUnavailable 25%.
   */
  static Value<Boolean> allAtOnce(MapNode strategy, Value<Integer> replicas) {
    ScalarNode type = Fields.scalar(strategy, "type");
    if (type != null && "Recreate".equals(type.text()))
      return Value.explicit(true, List.of(type.location()));
    ScalarNode maxUnavailable = Fields.scalar(strategy, "rollingUpdate", "maxUnavailable");
    if (maxUnavailable == null)
      return Value.defaulted(false, "RollingUpdate with maxUnavailable 25% (the default)");
    String text = maxUnavailable.text().strip();
    List<Location> at = List.of(maxUnavailable.location());
    try {
      if (text.endsWith("%"))
        return Value.explicit(Integer.parseInt(text.substring(0, text.length() - 1)) >= 100, at);
      int unavailable = Integer.parseInt(text);
      if (replicas.unresolved()) return replicas.map(n -> false);
      List<Location> trace = new ArrayList<>(at);
      trace.addAll(replicas.trace());
      return Value.explicit(unavailable >= replicas.orElse(1), trace);
    } catch (NumberFormatException e) {
      return Value.unresolved("maxUnavailable is '" + text + "'", at);
    }
  }

  /** A canary or blue-green Rollout rolls back by itself when an analysis is attached to it. */
  static Value<Boolean> rolloutAnalysis(MapNode strategy) {
    MapNode canary = Fields.map(strategy, "canary");
    MapNode analysis = Fields.map(canary, "analysis");
    if (analysis != null) return Value.explicit(true, List.of(analysis.location()));
    for (Node step : Fields.seq(canary, "steps")) {
      MapNode inline = Fields.map(step, "analysis");
      if (inline != null) return Value.explicit(true, List.of(inline.location()));
    }
    MapNode blueGreen = Fields.map(strategy, "blueGreen");
    for (String key : List.of("prePromotionAnalysis", "postPromotionAnalysis")) {
      MapNode gate = Fields.map(blueGreen, key);
      if (gate != null) return Value.explicit(true, List.of(gate.location()));
    }
    return Value.defaulted(false, "the Rollout has no analysis, so promotion and abort are manual");
  }

  /** A Flagger Canary, kept with a reference to the workload it releases. */
  static void canary(KubernetesObject o, String scope, Workload w) {
    GenericResource c = new GenericResource(scope, o.id(), o.kind(), o.kindLocation());
    c.name = Value.explicit(o.name(), List.of(o.nameLocation()));
    MapNode target = Fields.map(o.node(), "spec", "targetRef");
    String kind = Fields.text(target, "kind");
    String name = Fields.text(target, "name");
    if (kind != null && name != null)
      c.references.add(
          new ResourceRef(scope, KubernetesObjects.id(kind, o.effectiveNamespace(), name), null));
    w.add(c);
  }

  /**
   * A Rollout with a {@code workloadRef} runs the referenced Deployment's pod template itself, and
   * Argo Rollouts expects that Deployment scaled to zero: the Rollout takes the template's pods,
   * and the Deployment is judged through it rather than as a workload of its own.
   */
  static void linkRollouts(Workload w) {
    for (ComputeGroup rollout : w.all(ComputeGroup.class)) {
      if (!rollout.type.equals("Rollout")) continue;
      for (ResourceRef ref : rollout.references) {
        if (!(w.get(ref.key()) instanceof ComputeGroup d)
            || d.kind != ComputeGroup.Kind.KUBERNETES_WORKLOAD
            || d == rollout) continue;
        if (rollout.podLabels.isEmpty()) rollout.podLabels.putAll(d.podLabels);
        if (!rollout.zoneSpread.isTrue()) rollout.zoneSpread = d.zoneSpread;
        if (!rollout.readinessCheck.isTrue()) rollout.readinessCheck = d.readinessCheck;
        if (rollout.statefulProduct == null) rollout.statefulProduct = d.statefulProduct;
        d.exists = Value.explicit(false, List.of(rollout.location));
      }
    }
  }

  /** Flagger analyses every release of its target and rolls back on failed checks. */
  static void linkCanaries(Workload w) {
    for (GenericResource c : w.all(GenericResource.class)) {
      if (!c.type.equals("Canary")) continue;
      for (ResourceRef ref : c.references)
        if (w.get(ref.key()) instanceof ComputeGroup g
            && g.kind == ComputeGroup.Kind.KUBERNETES_WORKLOAD)
          g.analysisRollback = Value.explicit(true, List.of(c.location));
    }
  }
}
