package dev.relplan.model;

import dev.relplan.source.Location;

/** An SNS topic. */
public final class Topic extends Resource {
  public Value<Boolean> fifo = Value.absent();

  public Topic(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}
