package dev.relplan.model;

import dev.relplan.source.Location;

/** A NAT gateway. */
public final class NatGateway extends Resource {
  public Value<Object> subnet = Value.absent();
  public Value<String> connectivity = Value.absent();

  public NatGateway(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}
