package dev.relplan.rules.faulttolerance;

import dev.relplan.model.*;
import dev.relplan.rules.*;
import java.util.*;

/**
 * Voluntary disruptions (node drains, cluster upgrades, autoscaler scale-down) against replicated
 * pods: with no disruption budget they may evict every replica at once; with one that allows no
 * disruption at all they stall until someone intervenes.
 */
public final class PodDisruptionBudget extends BaseRule {
  public PodDisruptionBudget() {
    super(
        RuleMeta.builder("REL-POD-DISRUPTION-BUDGET")
            .domain(Domain.FAULT_TOLERANCE)
            .title("Replicated pods lack a disruption budget that allows safe node drains")
            .bestPractices("REL11-BP03", "REL08-BP05")
            .impact(
                Impact.MODERATE,
                "A node drain or cluster upgrade may evict every replica at once; the pods are rescheduled, but requests fail until they are ready.")
            .likelihood(
                Likelihood.MEDIUM,
                "Drains happen at every node upgrade and scale-down; all replicas must sit on the drained nodes.")
            .tier(Tier.QUICK_WIN)
            .effort("Minutes: one PodDisruptionBudget per workload")
            .services("EKS")
            .remediation(
                "Give each replicated workload on the request path a PodDisruptionBudget that keeps enough replicas up (maxUnavailable: 1, or minAvailable below the replica count), and never one that allows no disruption.")
            .advice(
                Fix.in(
                        Dialect.KUBERNETES,
                        "Allow drains one pod at a time: set maxUnavailable to 1 (or minAvailable below the replica count) so upgrades can proceed without taking the service down.",
                        """
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata:
                  name: api
                spec:
                  maxUnavailable: 1
                  selector:
                    matchLabels: {app: api}
                """)
                    .on("PodDisruptionBudget"),
                Fix.in(
                    Dialect.KUBERNETES,
                    "Add a PodDisruptionBudget selecting the workload's pods with maxUnavailable: 1, so a drain evicts one replica at a time and waits for its replacement to be ready.",
                    """
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata:
                  name: api
                spec:
                  maxUnavailable: 1
                  selector:
                    matchLabels: {app: api}
                """))
            .formats(InputFormat.KUBERNETES)
            .build());
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    for (ComputeGroup g : w.all(ComputeGroup.class)) {
      if (g.kind != ComputeGroup.Kind.KUBERNETES_WORKLOAD
          || g.replication != ComputeGroup.Replication.COUNT) continue;
      Value<Integer> fewest = g.fewestInstances();
      if (g.disruptionBudgets.isEmpty()) checkMissing(g, fewest, out);
      for (DisruptionBudget b : g.disruptionBudgets) checkBlocking(b, g, fewest, out);
    }
  }

  /** A multi-replica workload that a Service routes requests to, with no budget. */
  private void checkMissing(ComputeGroup g, Value<Integer> fewest, Findings out) {
    if (g.servedBy.isEmpty()) return;
    if (fewest.unresolved()) {
      out.report(this, g, "", "", fewest);
    } else if (fewest.present() && fewest.get() >= 2) {
      out.report(
          this,
          g,
          g.kubernetesName() + " has no PodDisruptionBudget",
          "No PodDisruptionBudget selects the pods of "
              + g.kubernetesName()
              + ", which serves requests: a node drain may evict all "
              + fewest.get()
              + " replicas at once.",
          fewest);
    }
  }

  /** A budget that allows no voluntary disruption of the workload's pods. */
  private void checkBlocking(
      DisruptionBudget b, ComputeGroup g, Value<Integer> fewest, Findings out) {
    String zeroBecause = allowsNone(b, fewest);
    if (zeroBecause == null) {
      out.strength(
          this,
          "PodDisruptionBudget "
              + b.name.orElse(b.id)
              + " lets drains evict the pods of "
              + g.kubernetesName()
              + " gradually",
          Findings.evidence(b, b.minAvailable.present() ? b.minAvailable : b.maxUnavailable));
      return;
    }
    if (zeroBecause.isEmpty()) {
      out.report(this, b, "", "", fewest);
      return;
    }
    out.report(
        this,
        b,
        "PodDisruptionBudget " + b.name.orElse(b.id) + " blocks node drains",
        "PodDisruptionBudget "
            + b.name.orElse(b.id)
            + " covers "
            + g.kubernetesName()
            + " with "
            + zeroBecause
            + ": no pod may be evicted, so node drains and cluster upgrades wait until someone deletes the budget or adds replicas.",
        b.minAvailable.present() ? b.minAvailable : b.maxUnavailable,
        fewest);
  }

  /**
   * Why the budget allows no disruption, "" when that depends on an unresolved replica count, null
   * when it allows some.
   */
  private static String allowsNone(DisruptionBudget b, Value<Integer> fewest) {
    if (b.maxUnavailable.present()) {
      String max = b.maxUnavailable.get();
      return max.equals("0") || max.equals("0%") ? "maxUnavailable " + max : null;
    }
    if (!b.minAvailable.present()) return null;
    String min = b.minAvailable.get();
    if (min.equals("100%")) return "minAvailable 100%";
    if (min.endsWith("%")) return null;
    if (fewest.unresolved()) return "";
    try {
      int required = Integer.parseInt(min);
      return fewest.present() && required >= fewest.get()
          ? "minAvailable " + min + " of " + fewest.get() + " replica(s)"
          : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
