package dev.relplan.rules.faulttolerance;

import dev.relplan.model.*;
import dev.relplan.rules.*;
import java.util.*;

/**
 * Compute that cannot grow or replace itself: a standalone instance, a pinned group, a fixed ECS
 * service.
 */
public final class ComputeFixed extends BaseRule {
  public ComputeFixed() {
    super(
        RuleMeta.builder("REL-COMPUTE-FIXED")
            .flag("FT-FIXED-COMPUTE")
            .domain(Domain.FAULT_TOLERANCE)
            .title("Compute runs with a fixed instance count")
            .bestPractices("REL07-BP01", "REL11-BP03", "REL10-BP02")
            .impact(
                Impact.SEVERE,
                "When instances fail or load rises, capacity cannot be added automatically, so the service degrades or stops.")
            .likelihood(
                Likelihood.MEDIUM,
                "A single instance failure or a traffic spike is an ordinary event that triggers it.")
            .tier(Tier.FOUNDATION)
            .effort("Days: put the instance in an Auto Scaling group or add a scalable target")
            .services("EC2 Auto Scaling", "Application Auto Scaling", "ECS")
            .remediation(
                "Run standalone instances in an Auto Scaling group spanning at least two Availability Zones, give groups MinSize < MaxSize, and register ECS services with Application Auto Scaling.")
            .formats(InputFormat.CLOUDFORMATION, InputFormat.TERRAFORM)
            .build());
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    for (ComputeGroup g : w.all(ComputeGroup.class)) {
      switch (g.kind) {
        case EC2_INSTANCE ->
            out.report(
                this,
                g,
                "EC2 instance " + g.id + " is a single fixed instance",
                "Instance "
                    + g.id
                    + " is declared on its own, not in an Auto Scaling group: if it or its Availability Zone fails, nothing replaces it.");
        case AUTO_SCALING_GROUP -> {
          if (g.min.present() && g.max.present() && g.min.get().equals(g.max.get())) {
            out.report(
                this,
                g,
                "Auto Scaling group " + g.id + " is pinned at " + g.min.get() + " instance(s)",
                "MinSize and MaxSize are both "
                    + g.min.get()
                    + ": the group replaces failed instances but can never add capacity.",
                g.min,
                g.max);
          } else if (g.min.unresolved() || g.max.unresolved()) {
            out.report(this, g, "", "", g.min, g.max);
          }
        }
        case ECS_SERVICE -> {
          if (g.desired.unresolved() && g.desired.note().startsWith("daemon")) continue;
          if (g.scalableTarget == null) {
            out.report(
                this,
                g,
                "ECS service " + g.id + " runs a fixed " + g.desired.orElse(1) + " task(s)",
                "No Application Auto Scaling target scales service "
                    + g.id
                    + ": its task count is fixed at DesiredCount "
                    + g.desired
                    + ".",
                g.desired);
          }
        }
        default -> {}
      }
    }
  }
}
