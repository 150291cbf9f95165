package dev.relplan.model;

import dev.relplan.source.Location;

/** A custom CodeDeploy deployment configuration. */
public final class DeploymentConfig extends Resource {
  public Value<String> configName = Value.absent();

  /** AllAtOnce, TimeBasedCanary, TimeBasedLinear (Lambda/ECS). */
  public Value<String> trafficRouting = Value.absent();

  /** Server platform: HOST_COUNT or FLEET_PERCENT with a value. */
  public Value<String> minimumHealthyHostsType = Value.absent();

  public Value<Integer> minimumHealthyHostsValue = Value.absent();

  public DeploymentConfig(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}
