package dev.relplan.model;

import dev.relplan.source.Location;

/** A Lambda alias. */
public final class Alias extends Resource {
  public Value<Object> function = Value.absent();
  public Value<Integer> provisionedConcurrency = Value.absent();

  /**
   * The CodeDeploy deployment group named by UpdatePolicy CodeDeployLambdaAliasUpdate: it shifts
   * traffic to new versions.
   */
  public Value<Object> codeDeployGroup = Value.absent();

  public Alias(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}
