package dev.relplan.model;

import dev.relplan.source.Location;

/** A Route 53 record set. */
public final class DnsRecord extends Resource {
  public Value<String> recordName = Value.absent();
  public Value<String> recordType = Value.absent();

  /** PRIMARY or SECONDARY for failover routing. */
  public Value<String> failover = Value.absent();

  /** FAILOVER, WEIGHTED, LATENCY, GEOLOCATION, MULTIVALUE or SIMPLE. */
  public String routingPolicy = "SIMPLE";

  public Value<Object> healthCheck = Value.absent();
  public Value<Object> aliasTarget = Value.absent();
  public Value<Boolean> evaluateTargetHealth = Value.absent();

  public DnsRecord(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}
