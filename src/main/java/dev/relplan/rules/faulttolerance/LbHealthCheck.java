package dev.relplan.rules.faulttolerance;

import dev.relplan.model.*;
import dev.relplan.rules.*;
import java.util.*;

/** Load-balanced targets whose failures are not detected, or detected but never replaced. */
public final class LbHealthCheck extends BaseRule {
  public LbHealthCheck() {
    super(
        RuleMeta.builder("REL-LB-HEALTH-CHECK")
            .flag("FT-NO-LB-HEALTH-CHECK")
            .domain(Domain.FAULT_TOLERANCE)
            .title("Load-balanced targets lack effective health checks")
            .bestPractices("REL11-BP01", "REL11-BP03", "REL07-BP02")
            .impact(
                Impact.SEVERE,
                "Traffic keeps flowing to broken targets, or broken instances are never replaced, so users see errors until someone intervenes.")
            .likelihood(
                Likelihood.MEDIUM,
                "Any single unhealthy instance (hung process, failed dependency) triggers it.")
            .tier(Tier.QUICK_WIN)
            .effort("Hours: enable the health check and set HealthCheckType ELB")
            .services("Elastic Load Balancing", "EC2 Auto Scaling")
            .remediation(
                "Keep target group health checks enabled with a path that exercises the application, and set the Auto Scaling group's HealthCheckType to ELB with a grace period so instances the load balancer sees as unhealthy are replaced.")
            .formats(InputFormat.CLOUDFORMATION, InputFormat.TERRAFORM)
            .build());
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    for (TargetGroup tg : w.all(TargetGroup.class)) {
      if ("lambda".equalsIgnoreCase(tg.targetType.orElse(""))) continue;
      if (tg.healthCheckEnabled.isFalse()) {
        out.report(
            this,
            tg,
            "Target group " + tg.id + " has health checks disabled",
            "HealthCheckEnabled is false on "
                + tg.id
                + ": the load balancer keeps sending requests to targets that stopped working.",
            tg.healthCheckEnabled);
      } else if (tg.healthCheckEnabled.unresolved()) {
        out.report(this, tg, "", "", tg.healthCheckEnabled);
      }
    }
    for (ComputeGroup g : w.all(ComputeGroup.class)) {
      if (g.kind != ComputeGroup.Kind.AUTO_SCALING_GROUP || !g.targetGroups.present()) continue;
      if ("EC2".equalsIgnoreCase(g.healthCheckType.orElse("EC2"))) {
        out.report(
            this,
            g,
            "Auto Scaling group " + g.id + " ignores load balancer health",
            "Group "
                + g.id
                + " is registered with a load balancer but uses HealthCheckType "
                + g.healthCheckType
                + ": instances that fail the load balancer's health check stay in service and are never replaced.",
            g.healthCheckType,
            g.targetGroups);
      } else if (g.healthCheckType.present()) {
        out.strength(
            this,
            "Auto Scaling group "
                + g.id
                + " replaces instances that fail load balancer health checks",
            Findings.evidence(g, g.healthCheckType));
      }
    }
  }
}
