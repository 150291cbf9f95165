package dev.relplan.model;

import java.util.ArrayList;
import java.util.List;

/** A Lambda alias. */
public final class Alias extends Resource {
  public Value<Object> function = Value.absent();
  public Value<Integer> provisionedConcurrency = Value.absent();
  public Alias(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}
