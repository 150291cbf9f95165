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
            .advice(
                Fix.in(
                        Dialect.CLOUDFORMATION,
                        "Replace the standalone instance with an AWS::AutoScaling::AutoScalingGroup built from a launch template, with subnets in at least two Availability Zones (VPCZoneIdentifier) and MinSize < MaxSize, so a failed instance is replaced.",
                        """
                Group:
                  Type: AWS::AutoScaling::AutoScalingGroup
                  Properties:
                    LaunchTemplate:
                      LaunchTemplateId: !Ref LaunchTemplate
                      Version: !GetAtt LaunchTemplate.LatestVersionNumber
                    MinSize: "2"
                    MaxSize: "6"
                    VPCZoneIdentifier: [!Ref SubnetA, !Ref SubnetB]
                """)
                    .on("AWS::EC2::Instance")
                    .involving("EC2 Auto Scaling"),
                Fix.in(
                        Dialect.CLOUDFORMATION,
                        "Give the group room to grow: MaxSize above MinSize, with a scaling policy that uses it.",
                        """
                Group:
                  Type: AWS::AutoScaling::AutoScalingGroup
                  Properties:
                    MinSize: "2"
                    MaxSize: "6"
                """)
                    .on("AWS::AutoScaling::AutoScalingGroup")
                    .effort("Minutes: raise the maximum size and add a scaling policy")
                    .involving("EC2 Auto Scaling"),
                Fix.in(
                        Dialect.CLOUDFORMATION,
                        "Register the service's DesiredCount with Application Auto Scaling: an AWS::ApplicationAutoScaling::ScalableTarget (ScalableDimension ecs:service:DesiredCount, MinCapacity < MaxCapacity) and a target tracking policy.",
                        """
                ScalableTarget:
                  Type: AWS::ApplicationAutoScaling::ScalableTarget
                  Properties:
                    ServiceNamespace: ecs
                    ScalableDimension: ecs:service:DesiredCount
                    ResourceId: !Sub service/${Cluster}/${Service.Name}
                    MinCapacity: 2
                    MaxCapacity: 10
                """)
                    .on("AWS::ECS::Service")
                    .effort("Hours: a scalable target and a target tracking policy")
                    .involving("ECS", "Application Auto Scaling"),
                Fix.in(
                        Dialect.TERRAFORM,
                        "Replace the standalone aws_instance with an aws_autoscaling_group built from an aws_launch_template, with vpc_zone_identifier in at least two Availability Zones and min_size < max_size, so a failed instance is replaced.",
                        """
                resource "aws_autoscaling_group" "web" {
                  min_size            = 2
                  max_size            = 6
                  vpc_zone_identifier = [aws_subnet.a.id, aws_subnet.b.id]
                  launch_template {
                    id      = aws_launch_template.web.id
                    version = "$Latest"
                  }
                }
                """)
                    .on("aws_instance")
                    .involving("EC2 Auto Scaling"),
                Fix.in(
                        Dialect.TERRAFORM,
                        "Give the group room to grow: max_size above min_size, with a scaling policy that uses it.",
                        """
                resource "aws_autoscaling_group" "web" {
                  # ...
                  min_size = 2
                  max_size = 6
                }
                """)
                    .on("aws_autoscaling_group")
                    .effort("Minutes: raise the maximum size and add a scaling policy")
                    .involving("EC2 Auto Scaling"),
                Fix.in(
                        Dialect.TERRAFORM,
                        "Register the service's desired count with Application Auto Scaling: an aws_appautoscaling_target (scalable_dimension = \"ecs:service:DesiredCount\", min_capacity < max_capacity) and a target tracking aws_appautoscaling_policy.",
                        """
                resource "aws_appautoscaling_target" "api" {
                  service_namespace  = "ecs"
                  scalable_dimension = "ecs:service:DesiredCount"
                  resource_id        = "service/${aws_ecs_cluster.main.name}/${aws_ecs_service.api.name}"
                  min_capacity       = 2
                  max_capacity       = 10
                }
                """)
                    .on("aws_ecs_service")
                    .effort("Hours: a scalable target and a target tracking policy")
                    .involving("ECS", "Application Auto Scaling"),
                Fix.in(
                        Dialect.KUBERNETES,
                        "Run the pod from a Deployment (or StatefulSet) with at least two replicas, so the controller recreates it on another node when it or its node fails.",
                        """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: worker
                spec:
                  replicas: 2
                  selector:
                    matchLabels: {app: worker}
                  template:
                    metadata:
                      labels: {app: worker}
                    spec:
                      containers:
                        - name: worker
                          image: worker:1.0
                """)
                    .on("Pod")
                    .effort("Hours: move the pod spec into a Deployment template")
                    .involving("EKS"),
                Fix.in(
                        Dialect.KUBERNETES,
                        "Scale the workload with a HorizontalPodAutoscaler (autoscaling/v2) whose minReplicas is at least 2 and below maxReplicas, on CPU or a request metric; remove the fixed replicas field so deploys do not reset the count.",
                        """
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: api
                spec:
                  scaleTargetRef:
                    apiVersion: apps/v1
                    kind: Deployment
                    name: api
                  minReplicas: 2
                  maxReplicas: 10
                  metrics:
                    - type: Resource
                      resource:
                        name: cpu
                        target: {type: Utilization, averageUtilization: 70}
                """)
                    .effort("Hours: an autoscaler with resource requests set on the containers")
                    .involving("EKS"),
                Fix.in(
                        Dialect.COMPOSE,
                        "Let Docker start a crashed container again (restart: unless-stopped) and run at least two containers of the service behind the proxy that spreads its requests (deploy.replicas: 2, no fixed host port per container); to survive the host itself, run the service on an orchestrator across hosts (ECS, Kubernetes, Swarm).",
                        """
                services:
                  api:
                    image: registry.example.com/shop/api:2.4.1
                    restart: unless-stopped
                    deploy:
                      replicas: 2
                """)
                    .effort("Hours: a restart policy and a second container behind the proxy")
                    .involving("ECS"),
                Fix.in(
                        Dialect.CDK,
                        "Scale the service's task count: autoScaleTaskCount with a minCapacity of at least 2 and a target-tracking policy (scaleOnCpuUtilization or scaleOnRequestCount).",
                        """
                const scaling = web.service.autoScaleTaskCount({ minCapacity: 2, maxCapacity: 10 });
                scaling.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });
                """)
                    .on("AWS::ECS::Service"),
                Fix.in(
                        Dialect.CDK,
                        "Let the Auto Scaling group grow with demand: minCapacity of at least 2 across Availability Zones, a larger maxCapacity, and a target-tracking policy.",
                        """
                const fleet = new autoscaling.AutoScalingGroup(this, 'Fleet', {
                  // ...
                  minCapacity: 2,
                  maxCapacity: 8,
                });
                fleet.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });
                """)
                    .on("AWS::AutoScaling::AutoScalingGroup"))
            .formats(
                InputFormat.CLOUDFORMATION,
                InputFormat.TERRAFORM,
                InputFormat.KUBERNETES,
                InputFormat.COMPOSE,
                InputFormat.CDK)
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
                Property.MIN_SIZE.of(g)
                    + " and "
                    + Property.MAX_SIZE.of(g)
                    + " are both "
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
                    + ": its task count is fixed at "
                    + Property.DESIRED_COUNT.of(g)
                    + " "
                    + g.desired
                    + ".",
                g.desired);
          }
        }
        case KUBERNETES_WORKLOAD -> kubernetes(g, out);
        case COMPOSE_SERVICE -> compose(g, out);
        default -> {}
      }
    }
  }

  /**
   * A Compose service is one instance when it runs a single container, and nothing replaces its
   * containers when Docker does not restart them; one-off jobs and databases (judged by
   * REL-STATEFUL-NO-REPLICATION) are left out.
   */
  private void compose(ComputeGroup g, Findings out) {
    if (g.replication != ComputeGroup.Replication.COUNT || g.statefulProduct != null) return;
    if (g.desired.unresolved() || g.restartPolicy.unresolved()) {
      out.report(this, g, "", "", g.desired, g.restartPolicy);
      return;
    }
    boolean single = g.desired.orElse(1) < 2;
    boolean restarted = !List.of("no", "none").contains(g.restartPolicy.orElse("no"));
    if (!single && restarted) return;
    String what = "Compose service " + g.id;
    String title =
        single && !restarted
            ? what + " runs one container that nothing restarts"
            : single
                ? what + " runs a single container"
                : what + " runs " + g.desired.get() + " containers that nothing restarts";
    String description =
        what
            + " runs "
            + (single ? "one container (" + g.desired + ")" : g.desired.get() + " containers")
            + " on the project's one Docker host"
            + (restarted
                ? ": while it restarts, or when the host fails, the service is down."
                : ", with restart policy "
                    + g.restartPolicy
                    + ": a container that crashes stays down until someone starts it again.");
    out.report(this, g, title, description, g.desired, g.restartPolicy);
  }

  /**
   * A bare Pod is never recreated; a replicated workload is fixed without an autoscaler or with one
   * whose minimum equals its maximum. Per-node and batch workloads have no count to fix.
   */
  private void kubernetes(ComputeGroup g, Findings out) {
    String what = g.kubernetesName();
    if (g.replication == ComputeGroup.Replication.NONE) {
      out.report(
          this,
          g,
          what + " is a bare pod that nothing recreates",
          what
              + " is not managed by a Deployment, StatefulSet or other controller: if it or its node fails, nothing starts it again.");
      return;
    }
    // A database's count is not capacity to scale: REL-STATEFUL-NO-REPLICATION judges its copies.
    if (g.replication != ComputeGroup.Replication.COUNT || g.statefulProduct != null) return;
    ScalableTarget t = g.scalableTarget;
    if (t == null) {
      out.report(
          this,
          g,
          what + " runs a fixed " + g.desired.orElse(1) + " replica(s)",
          "No HorizontalPodAutoscaler or KEDA ScaledObject scales "
              + what
              + ": its replica count is fixed at "
              + g.desired
              + ".",
          g.desired);
    } else if (t.min.unresolved() || t.max.unresolved()) {
      out.report(this, g, "", "", t.min, t.max);
    } else if (t.min.present() && t.max.present() && t.min.get().equals(t.max.get())) {
      out.report(
          this,
          g,
          what + " is pinned at " + t.min.get() + " replica(s) by " + t.type + " " + t.name.get(),
          "The autoscaler's minimum and maximum are both "
              + t.min.get()
              + ": failed pods are replaced but capacity never grows.",
          t.min,
          t.max);
    }
  }
}
