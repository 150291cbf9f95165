package dev.relplan.model;

import dev.relplan.source.Location;

/** A Route 53 health check. */
public final class DnsHealthCheck extends Resource {
  public Value<String> checkType = Value.absent();

  public DnsHealthCheck(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}
