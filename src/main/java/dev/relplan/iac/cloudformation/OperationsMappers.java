package dev.relplan.iac.cloudformation;

import static dev.relplan.iac.common.TypedSettings.or;

import dev.relplan.model.Alarm;
import dev.relplan.model.DeploymentConfig;
import dev.relplan.model.DeploymentGroup;
import dev.relplan.model.FisExperiment;
import dev.relplan.source.Location;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.ScalableTarget;
import dev.relplan.model.ScalingPolicy;
import dev.relplan.model.Value;
import dev.relplan.parse.MapNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Scaling, alarms, deployments and fault-injection experiments. */
final class OperationsMappers {
  private OperationsMappers() {}

  static void register(Map<String, Mapper> m) {
    m.put("AWS::ApplicationAutoScaling::ScalableTarget", c -> {
      Props p = c.props;
      ScalableTarget t = new ScalableTarget(c.template.scope, c.id, c.type, c.location);
      t.resourceId = p.raw("ResourceId");
      t.resourceRefs = List.copyOf(p.refs("ResourceId"));
      t.dimension = p.str("ScalableDimension");
      t.min = p.integer("MinCapacity");
      t.max = p.integer("MaxCapacity");
      c.add(t);
      if (p.has("ScheduledActions")) {
        ScalingPolicy s = new ScalingPolicy(c.template.scope, c.id + ".ScheduledActions", c.type, p.keyLocation("ScheduledActions"));
        s.target = Value.explicit(t.ref(), List.of(c.location));
        s.policyType = Value.explicit("Scheduled", List.of(p.keyLocation("ScheduledActions")));
        c.add(s);
      }
    });
    m.put("AWS::ApplicationAutoScaling::ScalingPolicy", c -> {
      Props p = c.props;
      ScalingPolicy s = new ScalingPolicy(c.template.scope, c.id, c.type, c.location);
      s.target = p.ref("ScalingTargetId");
      if (!s.target.present()) {
        s.target = p.raw("ResourceId");
        s.resourceRefs = List.copyOf(p.refs("ResourceId"));
      }
      s.policyType = p.str("PolicyType");
      c.add(s);
    });
    m.put("AWS::AutoScaling::ScalingPolicy", c -> {
      ScalingPolicy s = new ScalingPolicy(c.template.scope, c.id, c.type, c.location);
      s.target = c.props.ref("AutoScalingGroupName");
      s.policyType = or(c.props.str("PolicyType"), "SimpleScaling", "Auto Scaling default policy type");
      c.add(s);
    });
    m.put("AWS::AutoScaling::ScheduledAction", c -> {
      ScalingPolicy s = new ScalingPolicy(c.template.scope, c.id, c.type, c.location);
      s.target = c.props.ref("AutoScalingGroupName");
      s.policyType = Value.explicit("Scheduled", List.of(c.location));
      c.add(s);
    });
    m.put("AWS::ECS::CapacityProvider", c -> {
      // ECS managed scaling adjusts the Auto Scaling group's desired capacity through its own target tracking policy.
      Value<String> status = c.props.str("AutoScalingGroupProvider.ManagedScaling.Status");
      if (!"ENABLED".equals(status.orElse(""))) return;
      ScalingPolicy s = new ScalingPolicy(c.template.scope, c.id, c.type, c.location);
      s.target = c.props.ref("AutoScalingGroupProvider.AutoScalingGroupArn");
      s.policyType = Value.explicit("ECSManagedScaling", status.trace());
      c.add(s);
    });
    m.put("AWS::CloudWatch::Alarm", OperationsMappers::alarm);
    m.put("AWS::CloudWatch::CompositeAlarm", c -> {
      Alarm a = new Alarm(c.template.scope, c.id, c.type, c.location);
      a.composite = true;
      a.actions = c.props.list("AlarmActions");
      c.add(a);
    });
    m.put("AWS::CodeDeploy::DeploymentGroup", OperationsMappers::deploymentGroup);
    m.put("AWS::CodeDeploy::DeploymentConfig", c -> {
      Props p = c.props;
      DeploymentConfig d = new DeploymentConfig(c.template.scope, c.id, c.type, c.location);
      d.configName = p.str("DeploymentConfigName");
      d.trafficRouting = p.str("TrafficRoutingConfig.Type");
      d.minimumHealthyHostsType = p.str("MinimumHealthyHosts.Type");
      d.minimumHealthyHostsValue = p.integer("MinimumHealthyHosts.Value");
      c.add(d);
    });
    m.put("AWS::FIS::ExperimentTemplate", c -> {
      FisExperiment f = new FisExperiment(c.template.scope, c.id, c.type, c.location);
      for (MapNode.Entry a : c.props.entries("Actions")) {
        Value<String> action = a.value() instanceof MapNode am ? c.props.child(am).str("ActionId") : Value.absent();
        if (action.present()) f.actionIds.add(action.get());
      }
      for (MapNode.Entry t : c.props.entries("Targets")) {
        Value<String> type = t.value() instanceof MapNode tm ? c.props.child(tm).str("ResourceType") : Value.absent();
        if (type.present()) f.targetTypes.add(type.get());
      }
      c.add(f);
    });
  }

  static void alarm(ResourceContext c) {
    Props p = c.props;
    Alarm a = new Alarm(c.template.scope, c.id, c.type, c.location);
    a.namespace = p.str("Namespace");
    a.metricName = p.str("MetricName");
    a.actions = p.list("AlarmActions");
    List<ResourceRef> dims = new ArrayList<>(p.refs("Dimensions"));
    for (MapNode metric : p.maps("Metrics")) {
      Props mp = p.child(metric);
      Value<String> ns = mp.str("MetricStat.Metric.Namespace");
      if (ns.present()) a.metricNamespaces.add(ns.get());
      Value<String> expr = mp.str("Expression");
      if (expr.present()) a.expressions.add(expr.get());
      dims.addAll(mp.refs("MetricStat.Metric.Dimensions"));
    }
    a.dimensionRefs = List.copyOf(dims);
    c.add(a);
  }

  static void deploymentGroup(ResourceContext c) {
    Props p = c.props;
    DeploymentGroup g = new DeploymentGroup(c.template.scope, c.id, c.type, c.location);
    Value<Object> app = p.ref("ApplicationName");
    g.computePlatform = Value.defaulted("Server", "CodeDeploy applications default to the Server platform");
    if (app.get() instanceof ResourceRef r && c.template.resources().get(r.id()) instanceof MapNode appDecl
        && appDecl.get("Properties") instanceof MapNode appProps) {
      Value<String> platform = c.props.child(appProps).str("ComputePlatform");
      if (platform.present() || platform.unresolved()) g.computePlatform = platform;
    }
    String platform = g.computePlatform.orElse("Server");
    String dflt = switch (platform) {
      case "Lambda" -> "CodeDeployDefault.LambdaAllAtOnce";
      case "ECS" -> "CodeDeployDefault.ECSAllAtOnce";
      default -> "CodeDeployDefault.OneAtATime";
    };
    g.deploymentConfig = or(p.ref("DeploymentConfigName").map(String::valueOf), dflt,
        "CodeDeploy uses " + dflt + " when a deployment group names no configuration");
    Value<Object> cfg = p.ref("DeploymentConfigName");
    if (cfg.get() instanceof ResourceRef) g.deploymentConfig = cfg.map(x -> "ref:" + ((ResourceRef) x).key());
    g.autoRollbackEnabled = or(p.bool("AutoRollbackConfiguration.Enabled"), false, "automatic rollback is off unless configured");
    g.autoRollbackEvents = p.list("AutoRollbackConfiguration.Events");
    g.alarmsEnabled = or(p.bool("AlarmConfiguration.Enabled"), false, "no alarm configuration");
    List<Object> alarms = new ArrayList<>();
    for (MapNode al : p.maps("AlarmConfiguration.Alarms")) {
      Value<Object> name = p.child(al).ref("Name");
      if (name.present()) alarms.add(name.get());
    }
    g.alarms = alarms.isEmpty() ? Value.absent() : Value.explicit(alarms, List.of(p.keyLocation("AlarmConfiguration")));
    List<Object> targets = new ArrayList<>();
    List<Location> trace = new ArrayList<>();
    for (MapNode svc : p.maps("ECSServices")) {
      Value<Object> s = p.child(svc).ref("ServiceName");
      if (s.present()) {
        targets.add(s.get());
        trace.addAll(s.trace());
      }
    }
    Value<List<Object>> asgs = p.list("AutoScalingGroups");
    if (asgs.present()) {
      targets.addAll(asgs.get());
      trace.addAll(asgs.trace());
    }
    g.targets = targets.isEmpty() ? Value.absent() : Value.explicit(targets, trace);
    c.add(g);
  }
}
