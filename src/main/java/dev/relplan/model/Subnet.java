package dev.relplan.model;

import dev.relplan.source.Location;

/** A VPC subnet. */
public final class Subnet extends Resource {
  public Value<Object> vpc = Value.absent();

  /** The zone: a name, or a symbolic "az-index:N" for Fn::Select over Fn::GetAZs. */
  public Value<String> availabilityZone = Value.absent();

  public Value<Boolean> mapPublicIp = Value.absent();

  public Subnet(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}
