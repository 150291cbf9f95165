package dev.relplan.model;

import dev.relplan.source.Location;

/**
 * A Kubernetes PodDisruptionBudget: how many of the pods it selects voluntary disruptions (node
 * drains, cluster upgrades) may take down at once.
 */
public final class DisruptionBudget extends Resource {
  public String namespace;

  /** Null when the budget has no selector: it then selects no pods. */
  public LabelSelector selector;

  /** An integer or a percentage, as written; absent when not set. */
  public Value<String> minAvailable = Value.absent();

  public Value<String> maxUnavailable = Value.absent();

  public DisruptionBudget(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}
