package dev.relplan.iac.cloudformation;

import static dev.relplan.iac.common.TypedSettings.or;

import dev.relplan.iac.common.AwsOperations;
import dev.relplan.model.Alarm;
import dev.relplan.model.DeploymentConfig;
import dev.relplan.model.DeploymentGroup;
import dev.relplan.model.FisExperiment;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.ScalableTarget;
import dev.relplan.model.ScalingPolicy;
import dev.relplan.model.Value;
import dev.relplan.parse.MapNode;
import java.util.List;
import java.util.Map;

/** Scaling, alarms, deployments and fault-injection experiments. */
final class OperationsMappers {
  private static final AwsOperations.AlarmKeys ALARM =
      new AwsOperations.AlarmKeys(
          "Namespace",
          "MetricName",
          "AlarmActions",
          "Dimensions",
          "Metrics",
          "MetricStat.Metric.Namespace",
          "Expression",
          "MetricStat.Metric.Dimensions");
  private static final AwsOperations.DeploymentGroupKeys DEPLOYMENT_GROUP =
      new AwsOperations.DeploymentGroupKeys(
          "AutoRollbackConfiguration.Enabled",
          "AutoRollbackConfiguration.Events",
          "AlarmConfiguration.Enabled",
          "ECSServices",
          "ServiceName",
          "AutoScalingGroups");

  private OperationsMappers() {}

  static void register(Map<String, Mapper> m) {
    m.put("AWS::ApplicationAutoScaling::ScalableTarget", OperationsMappers::scalableTarget);
    m.put(
        "AWS::ApplicationAutoScaling::ScalingPolicy", OperationsMappers::applicationScalingPolicy);
    m.put("AWS::AutoScaling::ScalingPolicy", OperationsMappers::autoScalingPolicy);
    m.put("AWS::AutoScaling::ScheduledAction", OperationsMappers::scheduledAction);
    m.put("AWS::ECS::CapacityProvider", OperationsMappers::capacityProvider);
    m.put("AWS::CloudWatch::Alarm", OperationsMappers::alarm);
    m.put("AWS::CloudWatch::CompositeAlarm", OperationsMappers::compositeAlarm);
    m.put("AWS::CodeDeploy::DeploymentGroup", OperationsMappers::deploymentGroup);
    m.put("AWS::CodeDeploy::DeploymentConfig", OperationsMappers::deploymentConfig);
    m.put("AWS::FIS::ExperimentTemplate", OperationsMappers::experimentTemplate);
  }

  static void scalableTarget(ResourceContext c) {
    Props p = c.props;
    ScalableTarget t = new ScalableTarget(c.template.scope, c.id, c.type, c.location);
    t.resourceId = p.raw("ResourceId");
    t.resourceRefs = List.copyOf(p.refs("ResourceId"));
    t.dimension = p.str("ScalableDimension");
    t.min = p.integer("MinCapacity");
    t.max = p.integer("MaxCapacity");
    c.add(t);
    if (p.has("ScheduledActions")) {
      ScalingPolicy s =
          new ScalingPolicy(
              c.template.scope,
              c.id + ".ScheduledActions",
              c.type,
              p.keyLocation("ScheduledActions"));
      s.target = Value.explicit(t.ref(), List.of(c.location));
      s.policyType = Value.explicit("Scheduled", List.of(p.keyLocation("ScheduledActions")));
      c.add(s);
    }
  }

  static void applicationScalingPolicy(ResourceContext c) {
    Props p = c.props;
    ScalingPolicy s = new ScalingPolicy(c.template.scope, c.id, c.type, c.location);
    s.target = p.ref("ScalingTargetId");
    if (!s.target.present()) {
      s.target = p.raw("ResourceId");
      s.resourceRefs = List.copyOf(p.refs("ResourceId"));
    }
    s.policyType = p.str("PolicyType");
    c.add(s);
  }

  static void autoScalingPolicy(ResourceContext c) {
    ScalingPolicy s = new ScalingPolicy(c.template.scope, c.id, c.type, c.location);
    s.target = c.props.ref("AutoScalingGroupName");
    s.policyType =
        or(c.props.str("PolicyType"), "SimpleScaling", "Auto Scaling default policy type");
    c.add(s);
  }

  static void scheduledAction(ResourceContext c) {
    ScalingPolicy s = new ScalingPolicy(c.template.scope, c.id, c.type, c.location);
    s.target = c.props.ref("AutoScalingGroupName");
    s.policyType = Value.explicit("Scheduled", List.of(c.location));
    c.add(s);
  }

  static void capacityProvider(ResourceContext c) {
    // ECS managed scaling adjusts the Auto Scaling group's desired capacity through its own target
    // tracking policy.
    Value<String> status = c.props.str("AutoScalingGroupProvider.ManagedScaling.Status");
    if (!"ENABLED".equals(status.orElse(""))) return;
    ScalingPolicy s = new ScalingPolicy(c.template.scope, c.id, c.type, c.location);
    s.target = c.props.ref("AutoScalingGroupProvider.AutoScalingGroupArn");
    s.policyType = Value.explicit("ECSManagedScaling", status.trace());
    c.add(s);
  }

  static void compositeAlarm(ResourceContext c) {
    Alarm a = new Alarm(c.template.scope, c.id, c.type, c.location);
    a.composite = true;
    a.actions = c.props.list("AlarmActions");
    c.add(a);
  }

  static void deploymentConfig(ResourceContext c) {
    Props p = c.props;
    DeploymentConfig d = new DeploymentConfig(c.template.scope, c.id, c.type, c.location);
    d.configName = p.str("DeploymentConfigName");
    d.trafficRouting = p.str("TrafficRoutingConfig.Type");
    d.minimumHealthyHostsType = p.str("MinimumHealthyHosts.Type");
    d.minimumHealthyHostsValue = p.integer("MinimumHealthyHosts.Value");
    c.add(d);
  }

  static void experimentTemplate(ResourceContext c) {
    FisExperiment f = new FisExperiment(c.template.scope, c.id, c.type, c.location);
    for (MapNode.Entry a : c.props.entries("Actions")) {
      Value<String> action =
          a.value() instanceof MapNode am ? c.props.child(am).str("ActionId") : Value.absent();
      if (action.present()) f.actionIds.add(action.get());
    }
    for (MapNode.Entry t : c.props.entries("Targets")) {
      Value<String> type =
          t.value() instanceof MapNode tm ? c.props.child(tm).str("ResourceType") : Value.absent();
      if (type.present()) f.targetTypes.add(type.get());
    }
    c.add(f);
  }

  static void alarm(ResourceContext c) {
    Alarm a = new Alarm(c.template.scope, c.id, c.type, c.location);
    AwsOperations.metricAlarm(a, c.props, ALARM);
    c.add(a);
  }

  static void deploymentGroup(ResourceContext c) {
    Props p = c.props;
    DeploymentGroup g = new DeploymentGroup(c.template.scope, c.id, c.type, c.location);
    Value<Object> app = p.ref("ApplicationName");
    g.computePlatform =
        Value.defaulted("Server", "CodeDeploy applications default to the Server platform");
    if (app.get() instanceof ResourceRef r
        && c.template.resources().get(r.id()) instanceof MapNode appDecl
        && appDecl.get("Properties") instanceof MapNode appProps) {
      Value<String> platform = c.props.child(appProps).str("ComputePlatform");
      if (platform.present() || platform.unresolved()) g.computePlatform = platform;
    }
    AwsOperations.deploymentGroup(g, p, p.ref("DeploymentConfigName"), DEPLOYMENT_GROUP);
    g.alarms = p.collect("AlarmConfiguration.Alarms", "Name", p.keyLocation("AlarmConfiguration"));
    c.add(g);
  }
}
