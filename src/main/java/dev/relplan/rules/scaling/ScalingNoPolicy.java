package dev.relplan.rules.scaling;

import dev.relplan.model.*;
import dev.relplan.rules.*;
import java.util.*;

/** Scalable compute with no policy that changes its capacity with demand. */
public final class ScalingNoPolicy extends BaseRule {
  public ScalingNoPolicy() {
    super(
        RuleMeta.builder("REL-SCALING-NO-POLICY")
            .flag("SC-NO-AUTOSCALING")
            .domain(Domain.SCALING)
            .title("Compute has no auto scaling policy")
            .bestPractices("REL07-BP01", "REL07-BP03")
            .impact(
                Impact.SEVERE,
                "Demand above the provisioned capacity overloads the service, and failed capacity is not compensated.")
            .likelihood(
                Likelihood.MEDIUM, "Traffic peaks and instance failures are ordinary events.")
            .tier(Tier.FOUNDATION)
            .effort("Days: target tracking policy on a load metric, tested under load")
            .services("EC2 Auto Scaling", "Application Auto Scaling")
            .remediation(
                "Attach a target tracking policy (CPU, request count per target, queue backlog per task) to the Auto Scaling group or ECS service, with MinSize < MaxSize.")
            .dependsOn("REL-LB-HEALTH-CHECK")
            .formats(InputFormat.CLOUDFORMATION, InputFormat.TERRAFORM)
            .build());
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    for (ComputeGroup g : w.all(ComputeGroup.class)) {
      if (g.kind == ComputeGroup.Kind.EC2_INSTANCE)
        continue; // REL-COMPUTE-FIXED covers standalone instances
      if (g.kind == ComputeGroup.Kind.ECS_SERVICE && g.desired.unresolved()) continue; // daemon
      boolean dynamic =
          g.scalingPolicies.stream().anyMatch(p -> !"Scheduled".equals(p.policyType.orElse("")));
      if (dynamic) {
        ScalingPolicy p =
            g.scalingPolicies.stream()
                .filter(x -> !"Scheduled".equals(x.policyType.orElse("")))
                .findFirst()
                .orElseThrow();
        out.strength(
            this,
            (g.kind == ComputeGroup.Kind.ECS_SERVICE ? "ECS service " : "Auto Scaling group ")
                + g.id
                + " scales with "
                + p.policyType.orElse("a scaling policy"),
            List.of(g.location, p.location));
      } else {
        out.report(
            this,
            g,
            (g.kind == ComputeGroup.Kind.ECS_SERVICE ? "ECS service " : "Auto Scaling group ")
                + g.id
                + " has no scaling policy",
            "No dynamic scaling policy acts on "
                + g.id
                + (g.scalingPolicies.isEmpty() ? "" : " (only scheduled actions)")
                + ": its capacity does not follow demand.");
      }
    }
  }
}
