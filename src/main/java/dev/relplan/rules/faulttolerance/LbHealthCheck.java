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
            .effort(
                "Hours: enable the health check and replace instances the load balancer finds unhealthy")
            .services("Elastic Load Balancing", "EC2 Auto Scaling")
            .remediation(
                "Keep target group health checks enabled with a path that exercises the application, and set the Auto Scaling group's HealthCheckType to ELB with a grace period so instances the load balancer sees as unhealthy are replaced.")
            .advice(
                Fix.in(
                        Dialect.CLOUDFORMATION,
                        "Keep the target group's health check on (HealthCheckEnabled: true) with a HealthCheckPath that exercises the application.",
                        """
                TargetGroup:
                  Type: AWS::ElasticLoadBalancingV2::TargetGroup
                  Properties:
                    HealthCheckEnabled: true
                    HealthCheckPath: /health/ready
                    HealthyThresholdCount: 2
                    UnhealthyThresholdCount: 3
                """)
                    .on("AWS::ElasticLoadBalancingV2::TargetGroup")
                    .effort(
                        "Hours: enable the health check on a path that exercises the application")
                    .involving("Elastic Load Balancing"),
                Fix.in(
                        Dialect.CLOUDFORMATION,
                        "Let the group replace instances the load balancer sees as unhealthy: HealthCheckType: ELB with a HealthCheckGracePeriod covering start-up.",
                        """
                Group:
                  Type: AWS::AutoScaling::AutoScalingGroup
                  Properties:
                    HealthCheckType: ELB
                    HealthCheckGracePeriod: 300
                """)
                    .on("AWS::AutoScaling::AutoScalingGroup")
                    .effort(
                        "Minutes: replace instances the load balancer finds unhealthy, after a grace period"),
                Fix.in(
                        Dialect.TERRAFORM,
                        "Keep the target group's health_check enabled with a path that exercises the application.",
                        """
                resource "aws_lb_target_group" "web" {
                  # ...
                  health_check {
                    enabled             = true
                    path                = "/health/ready"
                    healthy_threshold   = 2
                    unhealthy_threshold = 3
                  }
                }
                """)
                    .on("aws_lb_target_group", "aws_alb_target_group")
                    .effort(
                        "Hours: enable the health check on a path that exercises the application")
                    .involving("Elastic Load Balancing"),
                Fix.in(
                        Dialect.TERRAFORM,
                        "Let the group replace instances the load balancer sees as unhealthy: health_check_type = \"ELB\" with a health_check_grace_period covering start-up.",
                        """
                resource "aws_autoscaling_group" "web" {
                  # ...
                  health_check_type         = "ELB"
                  health_check_grace_period = 300
                }
                """)
                    .on("aws_autoscaling_group")
                    .effort(
                        "Minutes: replace instances the load balancer finds unhealthy, after a grace period"),
                Fix.in(
                        Dialect.KUBERNETES,
                        "Give the serving container a readinessProbe on an endpoint that answers only when the pod can serve (an HTTP path, a TCP port), so the Service routes requests only to ready pods.",
                        """
                containers:
                  - name: api
                    image: api:1.0
                    readinessProbe:
                      httpGet: {path: /ready, port: 8080}
                      periodSeconds: 5
                      failureThreshold: 3
                """)
                    .effort("Minutes: a readiness probe on an existing endpoint")
                    .involving("EKS"))
            .formats(InputFormat.CLOUDFORMATION, InputFormat.TERRAFORM, InputFormat.KUBERNETES)
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
            Property.HEALTH_CHECK_ENABLED.of(tg)
                + " is false on "
                + tg.id
                + ": the load balancer keeps sending requests to targets that stopped working.",
            tg.healthCheckEnabled);
      } else if (tg.healthCheckEnabled.unresolved()) {
        out.report(this, tg, "", "", tg.healthCheckEnabled);
      }
    }
    for (ComputeGroup g : w.all(ComputeGroup.class)) {
      if (g.kind == ComputeGroup.Kind.KUBERNETES_WORKLOAD) checkReadiness(g, out);
      if (g.kind != ComputeGroup.Kind.AUTO_SCALING_GROUP || !g.targetGroups.present()) continue;
      if ("EC2".equalsIgnoreCase(g.healthCheckType.orElse("EC2"))) {
        out.report(
            this,
            g,
            "Auto Scaling group " + g.id + " ignores load balancer health",
            "Group "
                + g.id
                + " is registered with a load balancer but uses "
                + Property.HEALTH_CHECK_TYPE.of(g)
                + " "
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

  /**
   * Pods a Service routes requests to are taken out of rotation only by a failing readiness probe;
   * without one they receive requests from the moment they start until the process exits.
   */
  private void checkReadiness(ComputeGroup g, Findings out) {
    if (g.servedBy.isEmpty() || g.readinessCheck.isTrue()) return;
    Resource service = g.servedBy.get(0);
    out.report(
        this,
        g,
        g.kubernetesName() + " receives requests without a readiness probe",
        "Service "
            + service.name.orElse(service.id)
            + " routes requests to the pods of "
            + g.kubernetesName()
            + ", whose pods have "
            + g.readinessCheck.note()
            + ": requests reach pods that are still starting or can no longer serve.",
        g.readinessCheck);
  }
}
