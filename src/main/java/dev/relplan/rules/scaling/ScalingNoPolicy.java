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
            .advice(
                Fix.in(
                    Dialect.CDK,
                    "Add a target-tracking policy to the group or service: scaleOnCpuUtilization / scaleOnRequestCount on the Auto Scaling group, or autoScaleTaskCount(...).scaleOnCpuUtilization on the ECS service, with a maximum above the minimum.",
                    """
                fleet.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });
                // an ECS service:
                service.autoScaleTaskCount({ minCapacity: 2, maxCapacity: 10 })
                  .scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });
                """),
                Fix.in(
                        Dialect.CLOUDFORMATION,
                        "Attach a target tracking policy to the service's scalable target: AWS::ApplicationAutoScaling::ScalingPolicy with PolicyType TargetTrackingScaling on ECSServiceAverageCPUUtilization (or request count per target).",
                        """
                CpuPolicy:
                  Type: AWS::ApplicationAutoScaling::ScalingPolicy
                  Properties:
                    PolicyName: cpu-target
                    PolicyType: TargetTrackingScaling
                    ScalingTargetId: !Ref ScalableTarget
                    TargetTrackingScalingPolicyConfiguration:
                      TargetValue: 60
                      PredefinedMetricSpecification:
                        PredefinedMetricType: ECSServiceAverageCPUUtilization
                """)
                    .on("AWS::ECS::Service")
                    .involving("ECS", "Application Auto Scaling"),
                Fix.in(
                    Dialect.CLOUDFORMATION,
                    "Attach a target tracking policy to the group: AWS::AutoScaling::ScalingPolicy with PolicyType TargetTrackingScaling on ASGAverageCPUUtilization (or ALBRequestCountPerTarget), with MinSize < MaxSize.",
                    """
                CpuPolicy:
                  Type: AWS::AutoScaling::ScalingPolicy
                  Properties:
                    AutoScalingGroupName: !Ref Group
                    PolicyType: TargetTrackingScaling
                    TargetTrackingConfiguration:
                      TargetValue: 60
                      PredefinedMetricSpecification:
                        PredefinedMetricType: ASGAverageCPUUtilization
                """),
                Fix.in(
                        Dialect.TERRAFORM,
                        "Attach a target tracking aws_appautoscaling_policy to the service's aws_appautoscaling_target on ECSServiceAverageCPUUtilization (or request count per target).",
                        """
                resource "aws_appautoscaling_policy" "cpu" {
                  name               = "cpu-target"
                  policy_type        = "TargetTrackingScaling"
                  service_namespace  = aws_appautoscaling_target.api.service_namespace
                  resource_id        = aws_appautoscaling_target.api.resource_id
                  scalable_dimension = aws_appautoscaling_target.api.scalable_dimension
                  target_tracking_scaling_policy_configuration {
                    target_value = 60
                    predefined_metric_specification {
                      predefined_metric_type = "ECSServiceAverageCPUUtilization"
                    }
                  }
                }
                """)
                    .on("aws_ecs_service")
                    .involving("ECS", "Application Auto Scaling"),
                Fix.in(
                    Dialect.TERRAFORM,
                    "Attach a target tracking aws_autoscaling_policy to the group on ASGAverageCPUUtilization (or ALBRequestCountPerTarget), with min_size < max_size.",
                    """
                resource "aws_autoscaling_policy" "cpu" {
                  name                   = "cpu-target"
                  autoscaling_group_name = aws_autoscaling_group.web.name
                  policy_type            = "TargetTrackingScaling"
                  target_tracking_configuration {
                    target_value = 60
                    predefined_metric_specification {
                      predefined_metric_type = "ASGAverageCPUUtilization"
                    }
                  }
                }
                """),
                Fix.in(
                        Dialect.KUBERNETES,
                        "Add a HorizontalPodAutoscaler (autoscaling/v2) targeting the workload on CPU utilisation or a request metric, with resource requests set on its containers (utilisation is measured against them); or a KEDA ScaledObject for queue-driven work.",
                        """
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: api
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
                  minReplicas: 2
                  maxReplicas: 10
                  metrics:
                    - type: Resource
                      resource:
                        name: cpu
                        target: {type: Utilization, averageUtilization: 70}
                """)
                    .effort("Hours: an autoscaler and container resource requests")
                    .involving("EKS"))
            .formats(InputFormat.CLOUDFORMATION, InputFormat.TERRAFORM, InputFormat.KUBERNETES)
            .build());
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    for (ComputeGroup g : w.all(ComputeGroup.class)) {
      if (g.kind == ComputeGroup.Kind.EC2_INSTANCE)
        continue; // REL-COMPUTE-FIXED covers standalone instances
      // Compose has no autoscaler to add: REL-COMPUTE-FIXED covers its single instances.
      if (g.kind == ComputeGroup.Kind.COMPOSE_SERVICE) continue;
      if (g.kind == ComputeGroup.Kind.ECS_SERVICE && g.desired.unresolved()) continue; // daemon
      // Per-node, batch and bare-pod workloads have no replica count to scale.
      if (g.kind == ComputeGroup.Kind.KUBERNETES_WORKLOAD
          && (g.replication != ComputeGroup.Replication.COUNT || g.statefulProduct != null))
        continue;
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
            what(g) + " scales with " + p.policyType.orElse("a scaling policy"),
            List.of(g.location, p.location));
      } else {
        out.report(
            this,
            g,
            what(g) + " has no scaling policy",
            "No dynamic scaling policy acts on "
                + (g.kind == ComputeGroup.Kind.KUBERNETES_WORKLOAD ? g.kubernetesName() : g.id)
                + (g.scalingPolicies.isEmpty() ? "" : " (only scheduled actions)")
                + ": its capacity does not follow demand.");
      }
    }
  }

  private static String what(ComputeGroup g) {
    return switch (g.kind) {
      case ECS_SERVICE -> "ECS service " + g.id;
      case KUBERNETES_WORKLOAD -> g.kubernetesName();
      default -> "Auto Scaling group " + g.id;
    };
  }
}
