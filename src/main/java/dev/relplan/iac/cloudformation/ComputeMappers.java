package dev.relplan.iac.cloudformation;

import static dev.relplan.iac.common.TypedSettings.or;

import dev.relplan.iac.common.AwsCompute;
import dev.relplan.model.ComputeGroup;
import dev.relplan.model.LoadBalancer;
import dev.relplan.model.TargetGroup;
import dev.relplan.model.Unknown;
import dev.relplan.model.Value;
import dev.relplan.parse.MapNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** EC2 instances, Auto Scaling groups, ECS services and load balancers. */
final class ComputeMappers {
  private static final AwsCompute.AutoScalingGroupKeys AUTO_SCALING_GROUP =
      new AwsCompute.AutoScalingGroupKeys(
          "MinSize",
          "MaxSize",
          "DesiredCapacity",
          "VPCZoneIdentifier",
          "AvailabilityZones",
          "TargetGroupARNs",
          "LoadBalancerNames");
  private static final AwsCompute.EcsServiceKeys ECS_SERVICE =
      new AwsCompute.EcsServiceKeys(
          "SchedulingStrategy",
          "NetworkConfiguration.AwsvpcConfiguration.Subnets",
          "LaunchType",
          "CapacityProviderStrategy",
          "LoadBalancers",
          "TargetGroupArn",
          "LoadBalancerName");
  private static final AwsCompute.EcsDeploymentKeys ECS_DEPLOYMENT =
      new AwsCompute.EcsDeploymentKeys(
          "DeploymentController.Type",
          "DeploymentConfiguration.DeploymentCircuitBreaker.Enable",
          "DeploymentConfiguration.DeploymentCircuitBreaker.Rollback",
          "DeploymentConfiguration.MinimumHealthyPercent",
          "DeploymentConfiguration.MaximumPercent",
          "DeploymentConfiguration.Alarms.Enable",
          "DeploymentConfiguration.Alarms.Rollback");

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
    AwsCompute.autoScalingGroup(g, p, AUTO_SCALING_GROUP);
    g.healthCheckType =
        or(
            p.str("HealthCheckType"),
            "EC2",
            "Auto Scaling uses EC2 status checks unless HealthCheckType is ELB");
    g.healthCheckGracePeriod =
        or(p.integer("HealthCheckGracePeriod"), 0, "CloudFormation default grace period");
    MapNode update = c.declaration.get("UpdatePolicy") instanceof MapNode u ? u : null;
    if (update != null && update.entry("AutoScalingRollingUpdate") != null) {
      Props rolling =
          p.child(update.get("AutoScalingRollingUpdate") instanceof MapNode r ? r : update);
      g.updatePolicy =
          Value.explicit(
              "ROLLING", List.of(update.entry("AutoScalingRollingUpdate").keyLocation()));
      g.updateMaxBatchSize =
          or(
              rolling.integer("MaxBatchSize"),
              1,
              "CloudFormation rolling update default batch size");
      g.updateMinInService =
          or(rolling.integer("MinInstancesInService"), 0, "CloudFormation rolling update default");
    } else if (update != null && update.entry("AutoScalingReplacingUpdate") != null) {
      g.updatePolicy =
          Value.explicit(
              "REPLACING", List.of(update.entry("AutoScalingReplacingUpdate").keyLocation()));
    }
    c.add(g);
  }

  static void ecsService(ResourceContext c) {
    Props p = c.props;
    ComputeGroup g = new ComputeGroup(c.template.scope, c.id, c.type, c.location);
    AwsCompute.ecsService(
        g,
        p,
        ECS_SERVICE,
        or(p.integer("DesiredCount"), 1, "ECS starts one task when DesiredCount is not set"),
        ECS_DEPLOYMENT);
    if (p.refs("TaskDefinition").isEmpty())
      g.taskFamily = AwsCompute.taskFamily(p.str("TaskDefinition"));
    c.add(g);
  }

  static void instance(ResourceContext c) {
    Props p = c.props;
    ComputeGroup g = new ComputeGroup(c.template.scope, c.id, c.type, c.location);
    AwsCompute.singleInstance(g, c.location);
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
        else if (s.unresolved()) subnets.add(new Unknown(s.note()));
      }
      lb.subnets = Value.explicit(subnets, List.of(p.keyLocation("SubnetMappings")));
    }
    boolean alb = AwsCompute.isApplication(lb.lbType);
    lb.crossZone = AwsCompute.crossZone(alb, Value.absent());
    for (MapNode attr : p.maps("LoadBalancerAttributes")) {
      Props ap = p.child(attr);
      if ("load_balancing.cross_zone.enabled".equals(ap.str("Key").get()) && !alb)
        lb.crossZone = ap.bool("Value");
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
    lb.crossZone =
        or(
            p.bool("CrossZone"),
            false,
            "Classic Load Balancers created through the API do not balance across zones by default");
    lb.healthCheckTarget =
        or(p.str("HealthCheck.Target"), "TCP:80", "Classic Load Balancer default health check");
    c.add(lb);
  }

  static void targetGroup(ResourceContext c) {
    Props p = c.props;
    TargetGroup tg = new TargetGroup(c.template.scope, c.id, c.type, c.location);
    tg.targetType = or(p.str("TargetType"), "instance", "ELBv2 default target type");
    tg.healthCheckEnabled =
        AwsCompute.healthChecksEnabled(
            tg.targetType,
            p.bool("HealthCheckEnabled"),
            "health checks are on by default for instance and IP targets");
    tg.healthCheckPath = p.str("HealthCheckPath");
    tg.protocol = p.str("Protocol");
    tg.targets = p.collect("Targets", "Id", p.keyLocation("Targets"));
    c.add(tg);
  }
}
