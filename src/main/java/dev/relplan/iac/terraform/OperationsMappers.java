package dev.relplan.iac.terraform;

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
import dev.relplan.parse.hcl.Block;
import java.util.List;
import java.util.Map;

/** Scaling, alarms, CodeDeploy and fault-injection experiments (aws provider). */
final class OperationsMappers {
  private static final AwsOperations.AlarmKeys ALARM =
      new AwsOperations.AlarmKeys(
          "namespace",
          "metric_name",
          "alarm_actions",
          "dimensions",
          "metric_query",
          "metric.namespace",
          "expression",
          "metric.dimensions");
  private static final AwsOperations.DeploymentGroupKeys DEPLOYMENT_GROUP =
      new AwsOperations.DeploymentGroupKeys(
          "auto_rollback_configuration.enabled",
          "auto_rollback_configuration.events",
          "alarm_configuration.enabled",
          "ecs_service",
          "service_name",
          "autoscaling_groups");

  private OperationsMappers() {}

  static void register(Map<String, Mapper> m) {
    m.put("aws_appautoscaling_target", OperationsMappers::scalableTarget);
    m.put(
        "aws_appautoscaling_policy",
        r ->
            appPolicy(
                r,
                or(
                    r.attrs.str("policy_type"),
                    "StepScaling",
                    "the aws provider's default policy_type")));
    m.put(
        "aws_appautoscaling_scheduled_action",
        r -> appPolicy(r, Value.explicit("Scheduled", List.of(r.location))));
    m.put(
        "aws_autoscaling_policy",
        r ->
            autoScalingPolicy(
                r,
                or(
                    r.attrs.str("policy_type"),
                    "SimpleScaling",
                    "Auto Scaling default policy type")));
    m.put(
        "aws_autoscaling_schedule",
        r -> autoScalingPolicy(r, Value.explicit("Scheduled", List.of(r.location))));
    m.put("aws_cloudwatch_metric_alarm", OperationsMappers::alarm);
    m.put("aws_cloudwatch_composite_alarm", OperationsMappers::compositeAlarm);
    m.put("aws_codedeploy_deployment_group", OperationsMappers::deploymentGroup);
    m.put("aws_codedeploy_deployment_config", OperationsMappers::deploymentConfig);
    m.put("aws_fis_experiment_template", OperationsMappers::fisExperiment);
  }

  private static void scalableTarget(ResourceContext r) {
    ScalableTarget t = new ScalableTarget(r.scope(), r.address, r.type, r.location);
    t.resourceId = r.attrs.raw("resource_id");
    t.resourceRefs = List.copyOf(r.attrs.refs("resource_id"));
    t.dimension = r.attrs.str("scalable_dimension");
    t.min = r.attrs.integer("min_capacity");
    t.max = r.attrs.integer("max_capacity");
    r.add(t);
  }

  /** An EC2 Auto Scaling policy or schedule, attached to its group. */
  private static void autoScalingPolicy(ResourceContext r, Value<String> type) {
    ScalingPolicy s = new ScalingPolicy(r.scope(), r.address, r.type, r.location);
    s.target = r.attrs.ref("autoscaling_group_name");
    s.policyType = type;
    r.add(s);
  }

  private static void compositeAlarm(ResourceContext r) {
    Alarm a = new Alarm(r.scope(), r.address, r.type, r.location);
    a.composite = true;
    a.actions = r.attrs.list("alarm_actions");
    r.add(a);
  }

  private static void deploymentConfig(ResourceContext r) {
    DeploymentConfig d = new DeploymentConfig(r.scope(), r.address, r.type, r.location);
    d.configName = r.attrs.str("deployment_config_name");
    d.trafficRouting = r.attrs.str("traffic_routing_config.type");
    d.minimumHealthyHostsType = r.attrs.str("minimum_healthy_hosts.type");
    d.minimumHealthyHostsValue = r.attrs.integer("minimum_healthy_hosts.value");
    r.add(d);
  }

  /** An experiment template: the FIS actions it runs and the resource types it targets. */
  private static void fisExperiment(ResourceContext r) {
    FisExperiment f = new FisExperiment(r.scope(), r.address, r.type, r.location);
    for (Attrs a : r.attrs.nested("action")) {
      Value<String> id = a.str("action_id");
      if (id.present()) f.actionIds.add(id.get());
    }
    for (Attrs t : r.attrs.nested("target")) {
      Value<String> type = t.str("resource_type");
      if (type.present()) f.targetTypes.add(type.get());
    }
    r.add(f);
  }

  private static void appPolicy(ResourceContext r, Value<String> type) {
    ScalingPolicy s = new ScalingPolicy(r.scope(), r.address, r.type, r.location);
    Value<Object> id = r.attrs.raw("resource_id");
    s.target = id;
    s.resourceRefs = List.copyOf(r.attrs.refs("resource_id"));
    // resource_id = aws_appautoscaling_target.x.resource_id: the policy belongs to that target.
    for (ResourceRef ref : s.resourceRefs) {
      if (ref.id().contains("aws_appautoscaling_target."))
        s.target = Value.explicit(new ResourceRef(ref.scope(), ref.id(), null), id.trace());
    }
    s.policyType = type;
    r.add(s);
  }

  static void alarm(ResourceContext r) {
    Alarm a = new Alarm(r.scope(), r.address, r.type, r.location);
    AwsOperations.metricAlarm(a, r.attrs, ALARM);
    r.add(a);
  }

  static void deploymentGroup(ResourceContext r) {
    Attrs p = r.attrs;
    DeploymentGroup g = new DeploymentGroup(r.scope(), r.address, r.type, r.location);
    g.computePlatform =
        Value.defaulted("Server", "CodeDeploy applications default to the Server platform");
    Value<Object> app = p.ref("app_name");
    if (app.get() instanceof ResourceRef ref
        && ref.scope().equals(r.scope())
        && ref.id().startsWith(r.module.prefix)) {
      String local = ref.id().substring(r.module.prefix.length());
      int bracket = local.indexOf('[');
      Block appBlock =
          r.module.dir.resources.get(bracket < 0 ? local : local.substring(0, bracket));
      if (appBlock != null) {
        Attrs appAttrs =
            new Attrs(r.module, appBlock.body(), Env.EMPTY, r.module.at(appBlock.range()));
        Value<String> platform = appAttrs.str("compute_platform");
        if (platform.present() || platform.unresolved()) g.computePlatform = platform;
      }
    }
    AwsOperations.deploymentGroup(g, p, p.ref("deployment_config_name"), DEPLOYMENT_GROUP);
    if (p.has("alarm_configuration") && !p.has("alarm_configuration.enabled")) {
      g.alarmsEnabled =
          Value.defaulted(true, "an alarm_configuration block is enabled unless enabled = false");
    }
    g.alarms = p.list("alarm_configuration.alarms");
    r.add(g);
  }
}
