package dev.relplan.model;

import dev.relplan.source.Location;
import java.util.List;

/** A scaling policy or scheduled action of an Auto Scaling group or scalable target. */
public final class ScalingPolicy extends Resource {
  /** The Auto Scaling group or scalable target scaled by this policy. */
  public Value<Object> target = Value.absent();

  /** Resources referenced from an inline resource id (Application Auto Scaling). */
  public List<ResourceRef> resourceRefs = List.of();

  /** TargetTrackingScaling, StepScaling, SimpleScaling, PredictiveScaling or Scheduled. */
  public Value<String> policyType = Value.absent();

  public ScalingPolicy(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}
