package dev.relplan.iac.terraform;

import static dev.relplan.iac.common.TypedSettings.or;

import dev.relplan.iac.common.AwsCompute;
import dev.relplan.iac.common.LocatedList;
import dev.relplan.model.ComputeGroup;
import dev.relplan.model.LoadBalancer;
import dev.relplan.model.TargetGroup;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** EC2 instances, Auto Scaling groups, ECS services and load balancers (aws provider). */
final class ComputeMappers {
  private static final AwsCompute.AutoScalingGroupKeys AUTO_SCALING_GROUP =
      new AwsCompute.AutoScalingGroupKeys(
          "min_size",
          "max_size",
          "desired_capacity",
          "vpc_zone_identifier",
          "availability_zones",
          "target_group_arns",
          "load_balancers");
  private static final AwsCompute.EcsServiceKeys ECS_SERVICE =
      new AwsCompute.EcsServiceKeys(
          "scheduling_strategy",
          "network_configuration.subnets",
          "launch_type",
          "capacity_provider_strategy",
          "load_balancer",
          "target_group_arn",
          "elb_name");
  private static final AwsCompute.EcsDeploymentKeys ECS_DEPLOYMENT =
      new AwsCompute.EcsDeploymentKeys(
          "deployment_controller.type",
          "deployment_circuit_breaker.enable",
          "deployment_circuit_breaker.rollback",
          "deployment_minimum_healthy_percent",
          "deployment_maximum_percent",
          "alarms.enable",
          "alarms.rollback");

  private ComputeMappers() {}

  static void register(Map<String, Mapper> m) {
    m.put("aws_instance", ComputeMappers::instance);
    m.put("aws_autoscaling_group", ComputeMappers::autoScalingGroup);
    m.put("aws_ecs_service", ComputeMappers::ecsService);
    m.put("aws_lb", ComputeMappers::loadBalancer);
    m.put("aws_alb", ComputeMappers::loadBalancer);
    m.put("aws_lb_target_group", ComputeMappers::targetGroup);
    m.put("aws_alb_target_group", ComputeMappers::targetGroup);
    m.put("aws_elb", ComputeMappers::classicLoadBalancer);
    m.put("aws_lb_target_group_attachment", ComputeMappers::targetGroupAttachment);
    m.put("aws_alb_target_group_attachment", ComputeMappers::targetGroupAttachment);
    m.put("aws_autoscaling_attachment", ComputeMappers::autoscalingAttachment);
  }

  static void instance(ResourceContext r) {
    Attrs p = r.attrs;
    ComputeGroup g = new ComputeGroup(r.scope(), r.address, r.type, r.location);
    AwsCompute.singleInstance(g, r.location);
    Value<Object> subnet = p.ref("subnet_id");
    g.subnets = subnet.map(List::of);
    g.availabilityZones = p.str("availability_zone").map(List::of);
    r.add(g);
  }

  static void autoScalingGroup(ResourceContext r) {
    Attrs p = r.attrs;
    ComputeGroup g = new ComputeGroup(r.scope(), r.address, r.type, r.location);
    AwsCompute.autoScalingGroup(g, p, AUTO_SCALING_GROUP);
    g.healthCheckType =
        or(
            p.str("health_check_type"),
            "EC2",
            "the aws provider's default health_check_type is EC2 (status checks only)");
    g.healthCheckGracePeriod =
        or(
            p.integer("health_check_grace_period"),
            300,
            "the aws provider's default grace period is 300 seconds");
    if (p.has("instance_refresh")) {
      g.updatePolicy = Value.explicit("ROLLING", List.of(p.keyLocation("instance_refresh")));
      Value<Integer> minHealthy =
          or(
              p.integer("instance_refresh.preferences.min_healthy_percentage"),
              90,
              "instance refresh keeps 90% healthy by default");
      g.updateMinInService = minHealthy;
    }
    r.add(g);
  }

  static void ecsService(ResourceContext r) {
    Attrs p = r.attrs;
    ComputeGroup g = new ComputeGroup(r.scope(), r.address, r.type, r.location);
    AwsCompute.ecsService(
        g,
        p,
        ECS_SERVICE,
        or(p.integer("desired_count"), 0, "the aws provider's default desired_count is 0"),
        ECS_DEPLOYMENT);
    if (p.refs("task_definition").isEmpty())
      g.taskFamily = AwsCompute.taskFamily(p.str("task_definition"));
    r.add(g);
  }

  static void loadBalancer(ResourceContext r) {
    Attrs p = r.attrs;
    LoadBalancer lb = new LoadBalancer(r.scope(), r.address, r.type, r.location);
    lb.lbType =
        or(
            p.str("load_balancer_type"),
            "application",
            "the aws provider's default load_balancer_type is application");
    Value<Boolean> internal = p.bool("internal");
    lb.scheme =
        internal.present()
            ? internal.map(i -> i ? "internal" : "internet-facing")
            : internal.unresolved()
                ? internal.map(i -> "")
                : Value.defaulted(
                    "internet-facing", "load balancers are internet-facing unless internal");
    lb.subnets = p.list("subnets");
    if (!lb.subnets.present() && p.has("subnet_mapping")) {
      List<Object> subnets = new ArrayList<>();
      for (Attrs sm : p.nested("subnet_mapping")) {
        Value<Object> s = sm.ref("subnet_id");
        if (s.present()) subnets.add(s.get());
      }
      lb.subnets = Value.explicit(subnets, List.of(p.keyLocation("subnet_mapping")));
    }
    lb.crossZone =
        AwsCompute.crossZone(
            AwsCompute.isApplication(lb.lbType), p.bool("enable_cross_zone_load_balancing"));
    r.add(lb);
  }

  static void classicLoadBalancer(ResourceContext r) {
    Attrs p = r.attrs;
    LoadBalancer lb = new LoadBalancer(r.scope(), r.address, r.type, r.location);
    lb.lbType = Value.explicit("classic", List.of(r.location));
    Value<Boolean> internal = p.bool("internal");
    lb.scheme =
        internal.present()
            ? internal.map(i -> i ? "internal" : "internet-facing")
            : Value.defaulted(
                "internet-facing", "load balancers are internet-facing unless internal");
    lb.subnets = p.list("subnets");
    lb.availabilityZones = p.list("availability_zones");
    lb.crossZone =
        or(
            p.bool("cross_zone_load_balancing"),
            true,
            "the aws provider enables cross-zone load balancing for aws_elb by default");
    lb.healthCheckTarget =
        or(p.str("health_check.target"), "TCP:80", "Classic Load Balancer default health check");
    r.add(lb);
  }

  static void targetGroup(ResourceContext r) {
    Attrs p = r.attrs;
    TargetGroup tg = new TargetGroup(r.scope(), r.address, r.type, r.location);
    tg.targetType =
        or(p.str("target_type"), "instance", "the aws provider's default target_type is instance");
    tg.healthCheckEnabled =
        AwsCompute.healthChecksEnabled(
            tg.targetType,
            p.bool("health_check.enabled"),
            "health checks are enabled by default (health_check.enabled defaults to true)");
    tg.healthCheckPath = p.str("health_check.path");
    tg.protocol = p.str("protocol");
    r.add(tg);
  }

  static void targetGroupAttachment(ResourceContext r) {
    r.addGeneric();
    Value<Object> tgRef = r.attrs.ref("target_group_arn");
    Value<Object> target = r.attrs.ref("target_id");
    r.later(
        w -> {
          TargetGroup tg = w.resolve(tgRef.get(), TargetGroup.class);
          if (tg != null && target.present())
            tg.targets = LocatedList.appended(tg.targets, target.get(), r.location);
        });
  }

  static void autoscalingAttachment(ResourceContext r) {
    r.addGeneric();
    Value<Object> asgRef = r.attrs.ref("autoscaling_group_name");
    Value<Object> tgRef =
        r.attrs.has("lb_target_group_arn")
            ? r.attrs.ref("lb_target_group_arn")
            : r.attrs.ref("elb");
    r.later(w -> attachTarget(w, asgRef, tgRef, r.location));
  }

  static void attachTarget(Workload w, Value<Object> asgRef, Value<Object> tgRef, Location at) {
    ComputeGroup g = w.resolve(asgRef.get(), ComputeGroup.class);
    if (g != null && tgRef.present())
      g.targetGroups = LocatedList.appended(g.targetGroups, tgRef.get(), at);
  }
}
