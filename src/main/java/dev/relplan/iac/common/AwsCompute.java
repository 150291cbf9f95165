package dev.relplan.iac.common;

import static dev.relplan.iac.common.TypedSettings.or;

import dev.relplan.model.ComputeGroup;
import dev.relplan.model.Value;
import dev.relplan.source.Location;
import java.util.List;

/**
 * EC2 instances, Auto Scaling groups, ECS services and load balancers as every format that declares
 * AWS resources describes them: what is read and which service defaults apply. Each format gives
 * its own spelling of the settings.
 */
public final class AwsCompute {
  private AwsCompute() {}

  /** How a format spells an Auto Scaling group's size, placement and load balancers. */
  public record AutoScalingGroupKeys(
      String minSize,
      String maxSize,
      String desiredCapacity,
      String subnets,
      String zones,
      String targetGroups,
      String classicLoadBalancers) {}

  /**
   * How a format spells an ECS service's scheduling, network and load balancers (each load
   * balancer's keys nested).
   */
  public record EcsServiceKeys(
      String schedulingStrategy,
      String subnets,
      String launchType,
      String capacityProviders,
      String loadBalancers,
      String targetGroup,
      String loadBalancerName) {}

  /** How a format spells an ECS service's deployment settings. */
  public record EcsDeploymentKeys(
      String controllerType,
      String circuitBreakerEnable,
      String circuitBreakerRollback,
      String minimumHealthyPercent,
      String maximumPercent,
      String alarmsEnable,
      String alarmsRollback) {}

  /** An EC2 instance: a group of exactly one, counted at the instance's own line. */
  public static void singleInstance(ComputeGroup g, Location at) {
    g.kind = ComputeGroup.Kind.EC2_INSTANCE;
    Value<Integer> one = Value.explicit(1, List.of(at));
    g.min = one;
    g.max = one;
    g.desired = one;
  }

  /**
   * An Auto Scaling group's size, subnets and zones, and the target groups and classic load
   * balancers it registers with.
   */
  public static void autoScalingGroup(
      ComputeGroup g, TypedSettings<?> p, AutoScalingGroupKeys keys) {
    g.kind = ComputeGroup.Kind.AUTO_SCALING_GROUP;
    g.min = p.integer(keys.minSize());
    g.max = p.integer(keys.maxSize());
    g.desired = p.integer(keys.desiredCapacity());
    g.subnets = p.list(keys.subnets());
    g.availabilityZones = p.list(keys.zones());
    g.targetGroups =
        new LocatedList()
            .addAll(p.list(keys.targetGroups()))
            .addAll(p.list(keys.classicLoadBalancers()))
            .value();
  }

  /**
   * An ECS service: its task count (a daemon service follows the cluster; else the given desired
   * count with the format's default), network, launch type, load balancers and deployment settings.
   */
  public static void ecsService(
      ComputeGroup g,
      TypedSettings<?> p,
      EcsServiceKeys keys,
      Value<Integer> desiredCount,
      EcsDeploymentKeys deployment) {
    g.kind = ComputeGroup.Kind.ECS_SERVICE;
    if ("DAEMON".equals(p.str(keys.schedulingStrategy()).get())) {
      // A daemon service runs one task per container instance: its count follows the cluster.
      g.desired =
          Value.unresolved(
              "daemon service: one task per container instance",
              List.of(p.keyLocation(keys.schedulingStrategy())));
    } else {
      g.desired = desiredCount;
    }
    g.min = g.desired;
    g.max = g.desired;
    g.subnets = p.list(keys.subnets());
    g.launchType = p.str(keys.launchType());
    if (!g.launchType.present() && p.has(keys.capacityProviders())) {
      g.launchType =
          Value.explicit("CAPACITY_PROVIDER", List.of(p.keyLocation(keys.capacityProviders())));
    }
    LocatedList targets = new LocatedList();
    for (TypedSettings<?> lb : p.nested(keys.loadBalancers())) {
      Value<Object> target = lb.ref(keys.targetGroup());
      targets.add(target.present() ? target : lb.ref(keys.loadBalancerName()));
    }
    g.targetGroups = targets.value();
    g.healthCheckType =
        g.targetGroups.present()
            ? Value.defaulted("ELB", "ECS replaces tasks that fail load balancer health checks")
            : Value.absent();
    ecsDeployment(g, p, deployment);
  }

  private static void ecsDeployment(ComputeGroup g, TypedSettings<?> p, EcsDeploymentKeys keys) {
    g.deploymentController =
        or(p.str(keys.controllerType()), "ECS", "ECS rolling update is the default controller");
    g.circuitBreakerEnabled =
        or(
            p.bool(keys.circuitBreakerEnable()),
            false,
            "the ECS deployment circuit breaker is off unless enabled");
    String rollbackKey =
        keys.circuitBreakerRollback().substring(keys.circuitBreakerRollback().lastIndexOf('.') + 1);
    g.circuitBreakerRollback =
        or(
            p.bool(keys.circuitBreakerRollback()),
            false,
            "the ECS deployment circuit breaker does not roll back unless "
                + rollbackKey
                + " is true");
    g.minHealthyPercent =
        or(
            p.integer(keys.minimumHealthyPercent()),
            100,
            "ECS default minimum healthy percent for replica services");
    g.maxPercent = or(p.integer(keys.maximumPercent()), 200, "ECS default maximum percent");
    Value<Boolean> alarmsEnabled = p.bool(keys.alarmsEnable());
    Value<Boolean> alarmsRollback = p.bool(keys.alarmsRollback());
    // Deployment alarms roll back only when both are on; otherwise the one that is off (or unknown)
    // decides.
    g.deploymentAlarmsRollback =
        alarmsEnabled.isTrue() && alarmsRollback.isTrue()
            ? alarmsRollback
            : or(
                alarmsRollback.isTrue() ? alarmsEnabled : alarmsRollback,
                false,
                "no deployment alarms");
  }

  /**
   * The family an ECS service's task definition names literally: {@code family}, {@code
   * family:revision} or a task definition ARN ({@code arn:aws:ecs:…:task-definition/family:3});
   * absent when it is not a literal (a reference to a task definition resource, a parameter).
   */
  public static Value<String> taskFamily(Value<String> taskDefinition) {
    if (!taskDefinition.present() || taskDefinition.get().isBlank()) return Value.absent();
    String text = taskDefinition.get().strip();
    int slash = text.lastIndexOf('/');
    if (text.startsWith("arn:") && slash < 0) return Value.absent();
    String family = slash >= 0 ? text.substring(slash + 1) : text;
    int colon = family.indexOf(':');
    if (colon >= 0) family = family.substring(0, colon);
    return Value.explicit(family, taskDefinition.trace());
  }

  /**
   * True for an Application Load Balancer, the type an ELBv2 load balancer has unless set
   * otherwise.
   */
  public static boolean isApplication(Value<String> loadBalancerType) {
    return "application".equalsIgnoreCase(loadBalancerType.orElse("application"));
  }

  /**
   * Cross-zone load balancing: always on for Application Load Balancers, else as set, off by
   * default.
   */
  public static Value<Boolean> crossZone(boolean application, Value<Boolean> setting) {
    return application
        ? Value.defaulted(true, "Application Load Balancers always balance across zones")
        : or(
            setting,
            false,
            "cross-zone load balancing is off by default for Network and Gateway Load Balancers");
  }

  /**
   * Target group health checks: off by default for Lambda targets, on (for the format's stated
   * reason) for the others.
   */
  public static Value<Boolean> healthChecksEnabled(
      Value<String> targetType, Value<Boolean> setting, String onByDefault) {
    boolean lambda = "lambda".equalsIgnoreCase(targetType.orElse(""));
    return or(
        setting,
        !lambda,
        lambda ? "health checks are off by default for Lambda targets" : onByDefault);
  }
}
