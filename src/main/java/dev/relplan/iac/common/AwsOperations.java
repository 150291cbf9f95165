package dev.relplan.iac.common;

import static dev.relplan.iac.common.TypedSettings.or;

import dev.relplan.model.Alarm;
import dev.relplan.model.DeploymentGroup;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * CloudWatch alarms and CodeDeploy deployment groups as every format that declares AWS resources
 * describes them: what is read and which service defaults apply. Each format gives its own spelling
 * of the settings.
 */
public final class AwsOperations {
  private AwsOperations() {}

  /**
   * How a format spells a metric alarm's metric, actions and metric queries (each query's keys
   * nested).
   */
  public record AlarmKeys(
      String namespace,
      String metricName,
      String actions,
      String dimensions,
      String metricQueries,
      String queryNamespace,
      String queryExpression,
      String queryDimensions) {}

  /**
   * How a format spells a deployment group's rollback settings and targets (each ECS service's name
   * nested).
   */
  public record DeploymentGroupKeys(
      String autoRollbackEnabled,
      String autoRollbackEvents,
      String alarmsEnabled,
      String ecsServices,
      String ecsServiceName,
      String autoScalingGroups) {}

  /**
   * A metric alarm: the metric it watches (or the namespaces and expressions of its metric
   * queries), its actions and the resources in its dimensions.
   */
  public static void metricAlarm(Alarm a, TypedSettings<?> p, AlarmKeys keys) {
    a.namespace = p.str(keys.namespace());
    a.metricName = p.str(keys.metricName());
    a.actions = p.list(keys.actions());
    List<ResourceRef> dimensions = new ArrayList<>(p.refs(keys.dimensions()));
    for (TypedSettings<?> query : p.nested(keys.metricQueries())) {
      Value<String> namespace = query.str(keys.queryNamespace());
      if (namespace.present()) a.metricNamespaces.add(namespace.get());
      Value<String> expression = query.str(keys.queryExpression());
      if (expression.present()) a.expressions.add(expression.get());
      dimensions.addAll(query.refs(keys.queryDimensions()));
    }
    a.dimensionRefs = List.copyOf(dimensions);
  }

  /**
   * A deployment group's configuration (CodeDeploy's all-at-once default for its compute platform
   * when none is named; a configuration resource by its key), rollback settings and targets.
   */
  public static void deploymentGroup(
      DeploymentGroup g, TypedSettings<?> p, Value<Object> configName, DeploymentGroupKeys keys) {
    String platform = g.computePlatform.orElse("Server");
    String dflt =
        switch (platform) {
          case "Lambda" -> "CodeDeployDefault.LambdaAllAtOnce";
          case "ECS" -> "CodeDeployDefault.ECSAllAtOnce";
          default -> "CodeDeployDefault.OneAtATime";
        };
    g.deploymentConfig =
        or(
            configName.map(String::valueOf),
            dflt,
            "CodeDeploy uses " + dflt + " when a deployment group names no configuration");
    if (configName.get() instanceof ResourceRef ref)
      g.deploymentConfig = configName.map(x -> "ref:" + ref.key());
    g.autoRollbackEnabled =
        or(
            p.bool(keys.autoRollbackEnabled()),
            false,
            "automatic rollback is off unless configured");
    g.autoRollbackEvents = p.list(keys.autoRollbackEvents());
    g.alarmsEnabled = or(p.bool(keys.alarmsEnabled()), false, "no alarm configuration");
    LocatedList targets = new LocatedList();
    for (TypedSettings<?> service : p.nested(keys.ecsServices()))
      targets.add(service.ref(keys.ecsServiceName()));
    g.targets = targets.addAll(p.list(keys.autoScalingGroups())).value();
  }
}
