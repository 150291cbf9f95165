package dev.relplan.model;

import dev.relplan.source.Location;
import java.util.List;

/** A CodeDeploy deployment group (SAM DeploymentPreference creates one). */
public final class DeploymentGroup extends Resource {
  /** Server, Lambda or ECS. */
  public Value<String> computePlatform = Value.absent();

  public Value<String> deploymentConfig = Value.absent();
  public Value<Boolean> autoRollbackEnabled = Value.absent();
  public Value<List<Object>> autoRollbackEvents = Value.absent();
  public Value<List<Object>> alarms = Value.absent();
  public Value<Boolean> alarmsEnabled = Value.absent();

  /** Functions, ECS services or Auto Scaling groups deployed by this group. */
  public Value<List<Object>> targets = Value.absent();

  public DeploymentGroup(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}
