package dev.relplan.model;

import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * Compute that runs a workload's instances or tasks: an Auto Scaling group, an ECS service or a
 * standalone EC2 instance.
 */
public final class ComputeGroup extends Resource {
  public enum Kind {
    AUTO_SCALING_GROUP,
    ECS_SERVICE,
    EC2_INSTANCE
  }

  public Kind kind;
  public Value<Integer> min = Value.absent();
  public Value<Integer> max = Value.absent();
  public Value<Integer> desired = Value.absent();

  /** Subnets the group launches into (refs to {@link Subnet} or literal ids). */
  public Value<List<Object>> subnets = Value.absent();

  /** Availability Zones named directly (ASG AvailabilityZones, EC2 AvailabilityZone). */
  public Value<List<Object>> availabilityZones = Value.absent();

  /** ASG: EC2 or ELB (ECS services always honour load balancer health). */
  public Value<String> healthCheckType = Value.absent();

  public Value<Integer> healthCheckGracePeriod = Value.absent();

  /** Target groups (or classic load balancers) the group registers with. */
  public Value<List<Object>> targetGroups = Value.absent();

  /** ECS: FARGATE, EC2, EXTERNAL. */
  public Value<String> launchType = Value.absent();

  public Value<Boolean> circuitBreakerEnabled = Value.absent();
  public Value<Boolean> circuitBreakerRollback = Value.absent();
  public Value<Integer> minHealthyPercent = Value.absent();
  public Value<Integer> maxPercent = Value.absent();

  /** ECS: ECS (rolling), CODE_DEPLOY, EXTERNAL. */
  public Value<String> deploymentController = Value.absent();

  /** ASG: how a stack update replaces instances: ROLLING, REPLACING, or absent. */
  public Value<String> updatePolicy = Value.absent();

  public Value<Integer> updateMaxBatchSize = Value.absent();
  public Value<Integer> updateMinInService = Value.absent();

  /** ECS: alarms that roll a deployment back. */
  public Value<Boolean> deploymentAlarmsRollback = Value.absent();

  /** Filled by the linker: the Application Auto Scaling target of an ECS service. */
  public ScalableTarget scalableTarget;

  /** Filled by the linker: scaling policies and scheduled actions acting on this group. */
  public final List<ScalingPolicy> scalingPolicies = new ArrayList<>();

  public ComputeGroup(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}
