package dev.relplan.model;

import dev.relplan.source.Location;

/** A route in a route table. */
public final class Route extends Resource {
  public Value<Object> routeTable = Value.absent();
  public Value<String> destination = Value.absent();
  public Value<Object> natGateway = Value.absent();
  public Value<Object> internetGateway = Value.absent();
  public Value<Object> transitGateway = Value.absent();

  public Route(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}
