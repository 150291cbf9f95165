package dev.relplan.iac.cloudformation;

import static dev.relplan.iac.common.TypedSettings.or;

import dev.relplan.model.ComputeGroup;
import dev.relplan.model.LoadBalancer;
import dev.relplan.source.Location;
import dev.relplan.model.TargetGroup;
import dev.relplan.model.Value;
import dev.relplan.parse.MapNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** EC2 instances, Auto Scaling groups, ECS services and load balancers. */
final class ComputeMappers {
  private ComputeMappers() {}

  static void register(Map<String, Mapper> m) {
    m.put("AWS::AutoScaling::AutoScalingGroup", ComputeMappers::autoScalingGroup);
    m.put("AWS::ECS::Service", ComputeMappers::ecsService);
    m.put("AWS::EC2::Instance", ComputeMappers::instance);
    m.put("AWS::ElasticLoadBalancingV2::LoadBalancer", ComputeMappers::loadBalancerV2);
    m.put("AWS::ElasticLoadBalancing::LoadBalancer", ComputeMappers::classicLoadBalancer);
    m.put("AWS::ElasticLoadBalancingV2::TargetGroup", ComputeMappers::targetGroup);
  }

  static void autoScalingGroup(ResourceContext c) {
    Props p = c.props;
    ComputeGroup g = new ComputeGroup(c.template.scope, c.id, c.type, c.location);
    g.kind = ComputeGroup.Kind.AUTO_SCALING_GROUP;
    g.min = p.integer("MinSize");
    g.max = p.integer("MaxSize");
    g.desired = p.integer("DesiredCapacity");
    g.subnets = p.list("VPCZoneIdentifier");
    g.availabilityZones = p.list("AvailabilityZones");
    g.healthCheckType = or(p.str("HealthCheckType"), "EC2", "Auto Scaling uses EC2 status checks unless HealthCheckType is ELB");
    g.healthCheckGracePeriod = or(p.integer("HealthCheckGracePeriod"), 0, "CloudFormation default grace period");
    List<Object> targets = new ArrayList<>();
    List<Location> trace = new ArrayList<>();
    for (String key : List.of("TargetGroupARNs", "LoadBalancerNames")) {
      Value<List<Object>> v = p.list(key);
      if (v.present()) {
        targets.addAll(v.get());
        trace.addAll(v.trace());
      }
    }
    g.targetGroups = targets.isEmpty() ? Value.absent() : Value.explicit(targets, trace);
    MapNode update = c.declaration.get("UpdatePolicy") instanceof MapNode u ? u : null;
    if (update != null && update.entry("AutoScalingRollingUpdate") != null) {
      Props rolling = p.child(update.get("AutoScalingRollingUpdate") instanceof MapNode r ? r : update);
      g.updatePolicy = Value.explicit("ROLLING", List.of(update.entry("AutoScalingRollingUpdate").keyLocation()));
      g.updateMaxBatchSize = or(rolling.integer("MaxBatchSize"), 1, "CloudFormation rolling update default batch size");
      g.updateMinInService = or(rolling.integer("MinInstancesInService"), 0, "CloudFormation rolling update default");
    } else if (update != null && update.entry("AutoScalingReplacingUpdate") != null) {
      g.updatePolicy = Value.explicit("REPLACING", List.of(update.entry("AutoScalingReplacingUpdate").keyLocation()));
    }
    c.add(g);
  }

  static void ecsService(ResourceContext c) {
    Props p = c.props;
    ComputeGroup g = new ComputeGroup(c.template.scope, c.id, c.type, c.location);
    g.kind = ComputeGroup.Kind.ECS_SERVICE;
    if ("DAEMON".equals(p.str("SchedulingStrategy").get())) {
      // A daemon service runs one task per container instance: its count follows the cluster.
      g.desired = Value.unresolved("daemon service: one task per container instance", List.of(p.keyLocation("SchedulingStrategy")));
    } else {
      g.desired = or(p.integer("DesiredCount"), 1, "ECS starts one task when DesiredCount is not set");
    }
    g.min = g.desired;
    g.max = g.desired;
    g.subnets = p.list("NetworkConfiguration.AwsvpcConfiguration.Subnets");
    g.launchType = p.str("LaunchType");
    if (!g.launchType.present() && p.has("CapacityProviderStrategy")) {
      g.launchType = Value.explicit("CAPACITY_PROVIDER", List.of(p.keyLocation("CapacityProviderStrategy")));
    }
    List<Object> tgs = new ArrayList<>();
    List<Location> trace = new ArrayList<>();
    for (MapNode lb : p.maps("LoadBalancers")) {
      Props lp = p.child(lb);
      Value<Object> tg = lp.ref("TargetGroupArn");
      if (!tg.present()) tg = lp.ref("LoadBalancerName");
      if (tg.present()) {
        tgs.add(tg.get());
        trace.addAll(tg.trace());
      }
    }
    g.targetGroups = tgs.isEmpty() ? Value.absent() : Value.explicit(tgs, trace);
    g.healthCheckType = tgs.isEmpty() ? Value.absent() : Value.defaulted("ELB", "ECS replaces tasks that fail load balancer health checks");
    g.deploymentController = or(p.str("DeploymentController.Type"), "ECS", "ECS rolling update is the default controller");
    g.circuitBreakerEnabled = or(p.bool("DeploymentConfiguration.DeploymentCircuitBreaker.Enable"), false,
        "the ECS deployment circuit breaker is off unless enabled");
    g.circuitBreakerRollback = or(p.bool("DeploymentConfiguration.DeploymentCircuitBreaker.Rollback"), false,
        "the ECS deployment circuit breaker does not roll back unless Rollback is true");
    g.minHealthyPercent = or(p.integer("DeploymentConfiguration.MinimumHealthyPercent"), 100,
        "ECS default minimum healthy percent for replica services");
    g.maxPercent = or(p.integer("DeploymentConfiguration.MaximumPercent"), 200, "ECS default maximum percent");
    Value<Boolean> alarmsEnabled = p.bool("DeploymentConfiguration.Alarms.Enable");
    Value<Boolean> alarmsRollback = p.bool("DeploymentConfiguration.Alarms.Rollback");
    g.deploymentAlarmsRollback = alarmsEnabled.isTrue() && alarmsRollback.isTrue()
        ? alarmsRollback : or(alarmsRollback.isTrue() ? alarmsEnabled : alarmsRollback, false, "no deployment alarms");
    c.add(g);
  }

  static void instance(ResourceContext c) {
    Props p = c.props;
    ComputeGroup g = new ComputeGroup(c.template.scope, c.id, c.type, c.location);
    g.kind = ComputeGroup.Kind.EC2_INSTANCE;
    Value<Integer> one = Value.explicit(1, List.of(c.location));
    g.min = one;
    g.max = one;
    g.desired = one;
    Value<Object> subnet = p.ref("SubnetId");
    if (!subnet.present()) {
      List<MapNode> nis = p.maps("NetworkInterfaces");
      if (!nis.isEmpty()) subnet = p.child(nis.get(0)).ref("SubnetId");
    }
    g.subnets = subnet.map(List::of);
    g.availabilityZones = p.str("AvailabilityZone").map(List::of);
    c.add(g);
  }

  static void loadBalancerV2(ResourceContext c) {
    Props p = c.props;
    LoadBalancer lb = new LoadBalancer(c.template.scope, c.id, c.type, c.location);
    lb.lbType = or(p.str("Type"), "application", "ELBv2 default load balancer type");
    lb.scheme = or(p.str("Scheme"), "internet-facing", "ELBv2 default scheme");
    lb.subnets = p.list("Subnets");
    if (!lb.subnets.present() && p.has("SubnetMappings")) {
      List<Object> subnets = new ArrayList<>();
      for (MapNode sm : p.maps("SubnetMappings")) {
        Value<Object> s = p.child(sm).ref("SubnetId");
        if (s.present()) subnets.add(s.get());
        else if (s.unresolved()) subnets.add(new dev.relplan.model.Unknown(s.note()));
      }
      lb.subnets = Value.explicit(subnets, List.of(p.keyLocation("SubnetMappings")));
    }
    boolean alb = "application".equalsIgnoreCase(lb.lbType.orElse("application"));
    lb.crossZone = alb ? Value.defaulted(true, "Application Load Balancers always balance across zones")
        : Value.defaulted(false, "cross-zone load balancing is off by default for Network and Gateway Load Balancers");
    for (MapNode attr : p.maps("LoadBalancerAttributes")) {
      Props ap = p.child(attr);
      if ("load_balancing.cross_zone.enabled".equals(ap.str("Key").get()) && !alb) lb.crossZone = ap.bool("Value");
    }
    c.add(lb);
  }

  static void classicLoadBalancer(ResourceContext c) {
    Props p = c.props;
    LoadBalancer lb = new LoadBalancer(c.template.scope, c.id, c.type, c.location);
    lb.lbType = Value.explicit("classic", List.of(c.location));
    lb.scheme = or(p.str("Scheme"), "internet-facing", "Classic Load Balancer default scheme");
    lb.subnets = p.list("Subnets");
    lb.availabilityZones = p.list("AvailabilityZones");
    lb.crossZone = or(p.bool("CrossZone"), false, "Classic Load Balancers created through the API do not balance across zones by default");
    lb.healthCheckTarget = or(p.str("HealthCheck.Target"), "TCP:80", "Classic Load Balancer default health check");
    c.add(lb);
  }

  static void targetGroup(ResourceContext c) {
    Props p = c.props;
    TargetGroup tg = new TargetGroup(c.template.scope, c.id, c.type, c.location);
    tg.targetType = or(p.str("TargetType"), "instance", "ELBv2 default target type");
    boolean lambda = "lambda".equalsIgnoreCase(tg.targetType.orElse(""));
    tg.healthCheckEnabled = or(p.bool("HealthCheckEnabled"), !lambda,
        lambda ? "health checks are off by default for Lambda targets" : "health checks are on by default for instance and IP targets");
    tg.healthCheckPath = p.str("HealthCheckPath");
    tg.protocol = p.str("Protocol");
    List<Object> targets = new ArrayList<>();
    for (MapNode t : p.maps("Targets")) {
      Value<Object> id = p.child(t).ref("Id");
      if (id.present()) targets.add(id.get());
    }
    tg.targets = targets.isEmpty() ? Value.absent() : Value.explicit(targets, List.of(p.keyLocation("Targets")));
    c.add(tg);
  }
}
