package dev.relplan.model;

import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;

/** A DynamoDB table. */
public final class Table extends Resource {
  public Value<String> billingMode = Value.absent();
  public Value<Boolean> pointInTimeRecovery = Value.absent();

  /** Regions of global-table replicas (a global table lists its own region too). */
  public Value<List<Object>> replicaRegions = Value.absent();

  public Value<Boolean> deletionProtection = Value.absent();
  public Value<Integer> readCapacity = Value.absent();
  public Value<Integer> writeCapacity = Value.absent();

  /** Whether items expire (DynamoDB TTL): the table then holds transient data, e.g. sessions. */
  public Value<Boolean> timeToLive = Value.absent();

  /** Filled by the linker: Application Auto Scaling targets of the table. */
  public final List<ScalableTarget> scalableTargets = new ArrayList<>();

  public Table(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}
