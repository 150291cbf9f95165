package dev.relplan.model;

import dev.relplan.source.Location;

/** A VPC route table. */
public final class RouteTable extends Resource {
  public Value<Object> vpc = Value.absent();

  public RouteTable(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}
