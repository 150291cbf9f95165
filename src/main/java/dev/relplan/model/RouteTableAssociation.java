package dev.relplan.model;

import dev.relplan.source.Location;

/** The association of a subnet with a route table. */
public final class RouteTableAssociation extends Resource {
  public Value<Object> routeTable = Value.absent();
  public Value<Object> subnet = Value.absent();

  public RouteTableAssociation(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}
