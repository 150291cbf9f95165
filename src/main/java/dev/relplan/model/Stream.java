package dev.relplan.model;

import dev.relplan.source.Location;

/** A Kinesis data stream. */
public final class Stream extends Resource {
  public Value<String> mode = Value.absent();
  public Value<Integer> shardCount = Value.absent();

  public Stream(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}
