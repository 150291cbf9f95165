package dev.relplan.rules.faulttolerance;

import dev.relplan.model.ComputeGroup;
import dev.relplan.model.LoadBalancer;
import dev.relplan.model.Resource;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.model.Zones;
import dev.relplan.rules.BaseRule;
import dev.relplan.rules.Context;
import dev.relplan.rules.Dialect;
import dev.relplan.rules.Domain;
import dev.relplan.rules.Findings;
import dev.relplan.rules.Fix;
import dev.relplan.rules.Impact;
import dev.relplan.rules.InputFormat;
import dev.relplan.rules.Likelihood;
import dev.relplan.rules.RuleMeta;
import dev.relplan.rules.Tier;
import dev.relplan.rules.Topology;
import java.util.TreeSet;

/**
 * Auto Scaling groups, ECS services and load balancers whose subnets all sit in one Availability
 * Zone.
 */
public final class ComputeSingleAz extends BaseRule {
  public ComputeSingleAz() {
    super(
        RuleMeta.builder("REL-COMPUTE-SINGLE-AZ")
            .domain(Domain.FAULT_TOLERANCE)
            .title("Compute or load balancer confined to one Availability Zone")
            .bestPractices("REL10-BP01", "REL02-BP01")
            .impact(
                Impact.SEVERE,
                "Losing that zone stops every instance or task of the service at once, however many there are.")
            .likelihood(Likelihood.MEDIUM, "A single zone impairment is enough.")
            .tier(Tier.QUICK_WIN)
            .effort("Hours: add subnets in two more zones")
            .services("EC2 Auto Scaling", "ECS", "Elastic Load Balancing", "VPC")
            .remediation(
                "Give the Auto Scaling group, ECS service and load balancer subnets in at least two (preferably three) Availability Zones, with capacity to carry the load when one zone is lost.")
            .advice(
                Fix.in(
                        Dialect.CLOUDFORMATION,
                        "List subnets in at least two (preferably three) Availability Zones in the group's VPCZoneIdentifier, with capacity to carry the load when one zone is lost.",
                        """
                Group:
                  Type: AWS::AutoScaling::AutoScalingGroup
                  Properties:
                    VPCZoneIdentifier: [!Ref SubnetA, !Ref SubnetB, !Ref SubnetC]
                """)
                    .on("AWS::AutoScaling::AutoScalingGroup")
                    .involving("EC2 Auto Scaling", "VPC"),
                Fix.in(
                        Dialect.CLOUDFORMATION,
                        "List subnets in at least two (preferably three) Availability Zones in the service's NetworkConfiguration AwsvpcConfiguration Subnets (or spread placement across zones on EC2).",
                        """
                Service:
                  Type: AWS::ECS::Service
                  Properties:
                    NetworkConfiguration:
                      AwsvpcConfiguration:
                        Subnets: [!Ref SubnetA, !Ref SubnetB, !Ref SubnetC]
                """)
                    .on("AWS::ECS::Service")
                    .involving("ECS", "VPC"),
                Fix.in(
                        Dialect.CLOUDFORMATION,
                        "Give the load balancer Subnets in at least two Availability Zones, each with healthy targets behind it.",
                        """
                LoadBalancer:
                  Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                  Properties:
                    Subnets: [!Ref PublicSubnetA, !Ref PublicSubnetB, !Ref PublicSubnetC]
                """)
                    .on(
                        "AWS::ElasticLoadBalancingV2::LoadBalancer",
                        "AWS::ElasticLoadBalancing::LoadBalancer")
                    .involving("Elastic Load Balancing", "VPC"),
                Fix.in(
                        Dialect.TERRAFORM,
                        "List subnets in at least two (preferably three) Availability Zones in the group's vpc_zone_identifier, with capacity to carry the load when one zone is lost.",
                        """
                resource "aws_autoscaling_group" "web" {
                  # ...
                  vpc_zone_identifier = [aws_subnet.a.id, aws_subnet.b.id, aws_subnet.c.id]
                }
                """)
                    .on("aws_autoscaling_group")
                    .involving("EC2 Auto Scaling", "VPC"),
                Fix.in(
                        Dialect.TERRAFORM,
                        "List subnets in at least two (preferably three) Availability Zones in the service's network_configuration subnets (or spread placement across zones on EC2).",
                        """
                resource "aws_ecs_service" "api" {
                  # ...
                  network_configuration {
                    subnets = [aws_subnet.a.id, aws_subnet.b.id, aws_subnet.c.id]
                  }
                }
                """)
                    .on("aws_ecs_service")
                    .involving("ECS", "VPC"),
                Fix.in(
                        Dialect.TERRAFORM,
                        "Give the load balancer subnets in at least two Availability Zones, each with healthy targets behind it.",
                        """
                resource "aws_lb" "web" {
                  # ...
                  subnets = [aws_subnet.public_a.id, aws_subnet.public_b.id, aws_subnet.public_c.id]
                }
                """)
                    .on("aws_lb", "aws_alb", "aws_elb")
                    .involving("Elastic Load Balancing", "VPC"),
                Fix.in(
                        Dialect.KUBERNETES,
                        "Require the replicas to spread across zones: a topologySpreadConstraints entry on topology.kubernetes.io/zone (maxSkew 1) selecting the workload's own pods, with the node pool spanning at least two zones.",
                        """
                spec:
                  template:
                    spec:
                      topologySpreadConstraints:
                        - maxSkew: 1
                          topologyKey: topology.kubernetes.io/zone
                          whenUnsatisfiable: DoNotSchedule
                          labelSelector:
                            matchLabels: {app: api}
                """)
                    .effort("Minutes: a topology spread constraint")
                    .involving("EKS"))
            .formats(InputFormat.CLOUDFORMATION, InputFormat.TERRAFORM, InputFormat.KUBERNETES)
            .build());
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    for (ComputeGroup g : w.all(ComputeGroup.class)) {
      if (g.kind == ComputeGroup.Kind.EC2_INSTANCE)
        continue; // REL-COMPUTE-FIXED covers standalone instances
      // A Compose project runs on one Docker host: REL-COMPUTE-FIXED covers its single instances.
      if (g.kind == ComputeGroup.Kind.COMPOSE_SERVICE) continue;
      if (g.kind == ComputeGroup.Kind.KUBERNETES_WORKLOAD) {
        checkZoneSpread(g, out);
        continue;
      }
      Value<TreeSet<String>> zones = Topology.zones(w, g);
      judge(
          out,
          g,
          zones,
          (g.kind == ComputeGroup.Kind.ECS_SERVICE ? "ECS service " : "Auto Scaling group ")
              + g.id);
    }
    for (LoadBalancer lb : w.all(LoadBalancer.class)) {
      Value<TreeSet<String>> zones = Topology.zones(w, lb.subnets);
      judge(out, lb, zones, "Load balancer " + lb.id);
    }
  }

  private void judge(Findings out, Resource r, Value<TreeSet<String>> zones, String what) {
    if (zones.present() && zones.get().contains(Zones.ALL_IN_REGION)) {
      out.strength(
          this,
          what + " spans all Availability Zones of the Region",
          Findings.evidence(r, zones).subList(0, 1));
    } else if (zones.unresolved()) {
      out.cannotDetermine(this, r, zones.note(), Findings.evidence(r, zones));
    } else if (zones.present() && zones.get().size() == 1 && !Topology.multiZone(zones.get())) {
      out.report(
          this,
          r,
          what + " runs in a single Availability Zone",
          what + " launches only into subnets of one zone: a zone failure takes all of it down.",
          zones);
    } else if (zones.present()) {
      out.strength(
          this,
          what + " spans " + zones.get().size() + " Availability Zones",
          Findings.evidence(r, zones).subList(0, 1));
    }
  }

  /**
   * Compute placed by a scheduler rather than by subnets: several instances without a rule that
   * spreads them across zones may all land in one. One instance is REL-COMPUTE-FIXED's finding.
   */
  private void checkZoneSpread(ComputeGroup g, Findings out) {
    if (g.replication != ComputeGroup.Replication.COUNT) return;
    String what = g.kubernetesName();
    Value<Integer> fewest = g.fewestInstances();
    if (g.zoneSpread.isTrue()) {
      out.strength(
          this, what + " spreads its replicas across zones", Findings.evidence(g, g.zoneSpread));
    } else if (fewest.unresolved()) {
      out.report(this, g, "", "", fewest);
    } else if (g.scalableTarget != null && fewest.present() && fewest.get() < 2) {
      // A fixed single replica is REL-COMPUTE-FIXED's; an autoscaler's minimum of one is here.
      out.report(
          this,
          g,
          what + " scales down to " + fewest.get() + " replica",
          "The autoscaler of "
              + what
              + " has minimum "
              + fewest
              + ": at low traffic one pod in one zone serves everything, and its node or zone failing stops the service until a new pod is ready.",
          fewest);
    } else if (fewest.present() && fewest.get() >= 2) {
      out.report(
          this,
          g,
          what + " does not require its replicas to spread across zones",
          what + " runs " + fewest.get() + " replicas with " + g.zoneSpread.note() + ".",
          Impact.MODERATE,
          "The scheduler usually places replicas in several zones, but nothing requires it: a zone failure may take every replica down until they are rescheduled.",
          Likelihood.MEDIUM,
          "A single zone impairment is enough.",
          fewest);
    }
  }
}
