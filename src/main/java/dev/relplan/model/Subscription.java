package dev.relplan.model;

import dev.relplan.source.Location;

/** An SNS subscription. */
public final class Subscription extends Resource {
  public Value<Object> topic = Value.absent();
  public Value<String> protocol = Value.absent();
  public Value<Object> endpoint = Value.absent();
  public Value<Object> deadLetterTarget = Value.absent();

  public Subscription(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}
