package dev.relplan.iac.terraform;

import static dev.relplan.iac.common.TypedSettings.or;

import dev.relplan.model.ComputeGroup;
import dev.relplan.model.LoadBalancer;
import dev.relplan.source.Location;
import dev.relplan.model.TargetGroup;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** EC2 instances, Auto Scaling groups, ECS services and load balancers (aws provider). */
final class ComputeMappers {
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
    g.kind = ComputeGroup.Kind.EC2_INSTANCE;
    Value<Integer> one = Value.explicit(1, List.of(r.location));
    g.min = one;
    g.max = one;
    g.desired = one;
    Value<Object> subnet = p.ref("subnet_id");
    g.subnets = subnet.map(List::of);
    g.availabilityZones = p.str("availability_zone").map(List::of);
    r.add(g);
  }

  static void autoScalingGroup(ResourceContext r) {
    Attrs p = r.attrs;
    ComputeGroup g = new ComputeGroup(r.scope(), r.address, r.type, r.location);
    g.kind = ComputeGroup.Kind.AUTO_SCALING_GROUP;
    g.min = p.integer("min_size");
    g.max = p.integer("max_size");
    g.desired = p.integer("desired_capacity");
    g.subnets = p.list("vpc_zone_identifier");
    g.availabilityZones = p.list("availability_zones");
    g.healthCheckType = or(p.str("health_check_type"), "EC2", "the aws provider's default health_check_type is EC2 (status checks only)");
    g.healthCheckGracePeriod = or(p.integer("health_check_grace_period"), 300, "the aws provider's default grace period is 300 seconds");
    List<Object> targets = new ArrayList<>();
    List<Location> trace = new ArrayList<>();
    for (String key : List.of("target_group_arns", "load_balancers")) {
      Value<List<Object>> v = p.list(key);
      if (v.present()) {
        targets.addAll(v.get());
        trace.addAll(v.trace());
      }
    }
    g.targetGroups = targets.isEmpty() ? Value.absent() : Value.explicit(targets, trace);
    if (p.has("instance_refresh")) {
      g.updatePolicy = Value.explicit("ROLLING", List.of(p.keyLocation("instance_refresh")));
      Value<Integer> minHealthy = or(p.integer("instance_refresh.preferences.min_healthy_percentage"), 90,
          "instance refresh keeps 90% healthy by default");
      g.updateMinInService = minHealthy;
    }
    r.add(g);
  }

  static void ecsService(ResourceContext r) {
    Attrs p = r.attrs;
    ComputeGroup g = new ComputeGroup(r.scope(), r.address, r.type, r.location);
    g.kind = ComputeGroup.Kind.ECS_SERVICE;
    if ("DAEMON".equals(p.str("scheduling_strategy").get())) {
      g.desired = Value.unresolved("daemon service: one task per container instance", List.of(p.keyLocation("scheduling_strategy")));
    } else {
      g.desired = or(p.integer("desired_count"), 0, "the aws provider's default desired_count is 0");
    }
    g.min = g.desired;
    g.max = g.desired;
    g.subnets = p.list("network_configuration.subnets");
    g.launchType = p.str("launch_type");
    if (!g.launchType.present() && p.has("capacity_provider_strategy")) {
      g.launchType = Value.explicit("CAPACITY_PROVIDER", List.of(p.keyLocation("capacity_provider_strategy")));
    }
    List<Object> tgs = new ArrayList<>();
    List<Location> trace = new ArrayList<>();
    for (Attrs lb : p.nested("load_balancer")) {
      Value<Object> tg = lb.ref("target_group_arn");
      if (!tg.present()) tg = lb.ref("elb_name");
      if (tg.present()) {
        tgs.add(tg.get());
        trace.addAll(tg.trace());
      }
    }
    g.targetGroups = tgs.isEmpty() ? Value.absent() : Value.explicit(tgs, trace);
    g.healthCheckType = tgs.isEmpty() ? Value.absent() : Value.defaulted("ELB", "ECS replaces tasks that fail load balancer health checks");
    g.deploymentController = or(p.str("deployment_controller.type"), "ECS", "ECS rolling update is the default controller");
    g.circuitBreakerEnabled = or(p.bool("deployment_circuit_breaker.enable"), false, "the ECS deployment circuit breaker is off unless enabled");
    g.circuitBreakerRollback = or(p.bool("deployment_circuit_breaker.rollback"), false,
        "the ECS deployment circuit breaker does not roll back unless rollback is true");
    g.minHealthyPercent = or(p.integer("deployment_minimum_healthy_percent"), 100, "ECS default minimum healthy percent for replica services");
    g.maxPercent = or(p.integer("deployment_maximum_percent"), 200, "ECS default maximum percent");
    Value<Boolean> alarmsEnabled = p.bool("alarms.enable");
    Value<Boolean> alarmsRollback = p.bool("alarms.rollback");
    g.deploymentAlarmsRollback = alarmsEnabled.isTrue() && alarmsRollback.isTrue()
        ? alarmsRollback : or(alarmsRollback.isTrue() ? alarmsEnabled : alarmsRollback, false, "no deployment alarms");
    r.add(g);
  }

  static void loadBalancer(ResourceContext r) {
    Attrs p = r.attrs;
    LoadBalancer lb = new LoadBalancer(r.scope(), r.address, r.type, r.location);
    lb.lbType = or(p.str("load_balancer_type"), "application", "the aws provider's default load_balancer_type is application");
    Value<Boolean> internal = p.bool("internal");
    lb.scheme = internal.present() ? internal.map(i -> i ? "internal" : "internet-facing")
        : internal.unresolved() ? internal.map(i -> "") : Value.defaulted("internet-facing", "load balancers are internet-facing unless internal");
    lb.subnets = p.list("subnets");
    if (!lb.subnets.present() && p.has("subnet_mapping")) {
      List<Object> subnets = new ArrayList<>();
      for (Attrs sm : p.nested("subnet_mapping")) {
        Value<Object> s = sm.ref("subnet_id");
        if (s.present()) subnets.add(s.get());
      }
      lb.subnets = Value.explicit(subnets, List.of(p.keyLocation("subnet_mapping")));
    }
    boolean alb = "application".equalsIgnoreCase(lb.lbType.orElse("application"));
    lb.crossZone = alb ? Value.defaulted(true, "Application Load Balancers always balance across zones")
        : or(p.bool("enable_cross_zone_load_balancing"), false,
            "cross-zone load balancing is off by default for Network and Gateway Load Balancers");
    r.add(lb);
  }

  static void classicLoadBalancer(ResourceContext r) {
    Attrs p = r.attrs;
    LoadBalancer lb = new LoadBalancer(r.scope(), r.address, r.type, r.location);
    lb.lbType = Value.explicit("classic", List.of(r.location));
    Value<Boolean> internal = p.bool("internal");
    lb.scheme = internal.present() ? internal.map(i -> i ? "internal" : "internet-facing")
        : Value.defaulted("internet-facing", "load balancers are internet-facing unless internal");
    lb.subnets = p.list("subnets");
    lb.availabilityZones = p.list("availability_zones");
    lb.crossZone = or(p.bool("cross_zone_load_balancing"), true, "the aws provider enables cross-zone load balancing for aws_elb by default");
    lb.healthCheckTarget = or(p.str("health_check.target"), "TCP:80", "Classic Load Balancer default health check");
    r.add(lb);
  }

  static void targetGroup(ResourceContext r) {
    Attrs p = r.attrs;
    TargetGroup tg = new TargetGroup(r.scope(), r.address, r.type, r.location);
    tg.targetType = or(p.str("target_type"), "instance", "the aws provider's default target_type is instance");
    boolean lambda = "lambda".equalsIgnoreCase(tg.targetType.orElse(""));
    tg.healthCheckEnabled = or(p.bool("health_check.enabled"), !lambda,
        lambda ? "health checks are off by default for Lambda targets" : "health checks are enabled by default (health_check.enabled defaults to true)");
    tg.healthCheckPath = p.str("health_check.path");
    tg.protocol = p.str("protocol");
    r.add(tg);
  }

  static void targetGroupAttachment(ResourceContext r) {
    r.addGeneric();
    Value<Object> tgRef = r.attrs.ref("target_group_arn");
    Value<Object> target = r.attrs.ref("target_id");
    r.later(w -> {
      TargetGroup tg = w.resolve(tgRef.get(), TargetGroup.class);
      if (tg == null || !target.present()) return;
      List<Object> targets = new ArrayList<>(tg.targets.present() ? tg.targets.get() : List.of());
      targets.add(target.get());
      List<Location> trace = new ArrayList<>(tg.targets.trace());
      trace.add(r.location);
      tg.targets = Value.explicit(targets, trace);
    });
  }

  static void autoscalingAttachment(ResourceContext r) {
    r.addGeneric();
    Value<Object> asgRef = r.attrs.ref("autoscaling_group_name");
    Value<Object> tgRef = r.attrs.has("lb_target_group_arn") ? r.attrs.ref("lb_target_group_arn") : r.attrs.ref("elb");
    r.later(w -> attachTarget(w, asgRef, tgRef, r.location));
  }

  static void attachTarget(Workload w, Value<Object> asgRef, Value<Object> tgRef, Location at) {
    ComputeGroup g = w.resolve(asgRef.get(), ComputeGroup.class);
    if (g == null || !tgRef.present()) return;
    List<Object> tgs = new ArrayList<>(g.targetGroups.present() ? g.targetGroups.get() : List.of());
    tgs.add(tgRef.get());
    List<Location> trace = new ArrayList<>(g.targetGroups.trace());
    trace.add(at);
    g.targetGroups = Value.explicit(tgs, trace);
  }
}
