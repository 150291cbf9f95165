package dev.relplan.model;

import dev.relplan.source.Location;

/** An EBS volume. */
public final class Volume extends Resource {
  public Value<String> availabilityZone = Value.absent();

  public Volume(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}
