package dev.relplan.model;

import dev.relplan.source.Location;

/** A Step Functions state machine. */
public final class StateMachine extends Resource {

  public StateMachine(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}
