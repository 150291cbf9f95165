package dev.relplan.model;

import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;

/** An Application Auto Scaling scalable target. */
public final class ScalableTarget extends Resource {
  /** The scaled resource id, e.g. service/cluster/name or table/name. */
  public Value<Object> resourceId = Value.absent();

  /** Resources referenced from the resource id. */
  public List<ResourceRef> resourceRefs = List.of();

  public Value<String> dimension = Value.absent();
  public Value<Integer> min = Value.absent();
  public Value<Integer> max = Value.absent();

  /** Filled by the linker. */
  public final List<ScalingPolicy> policies = new ArrayList<>();

  public ScalableTarget(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}
