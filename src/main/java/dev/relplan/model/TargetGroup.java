package dev.relplan.model;

import dev.relplan.source.Location;
import java.util.List;

/** An ELBv2 target group. */
public final class TargetGroup extends Resource {
  public Value<String> targetType = Value.absent();
  public Value<Boolean> healthCheckEnabled = Value.absent();
  public Value<String> healthCheckPath = Value.absent();
  public Value<String> protocol = Value.absent();

  /** Registered targets (instance ids, IPs or Lambda functions). */
  public Value<List<Object>> targets = Value.absent();

  public TargetGroup(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}
