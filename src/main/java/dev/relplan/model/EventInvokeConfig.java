package dev.relplan.model;

import dev.relplan.source.Location;

/** Asynchronous invocation settings of a Lambda function. */
public final class EventInvokeConfig extends Resource {
  public Value<Object> function = Value.absent();
  public Value<Object> onFailure = Value.absent();
  public Value<Integer> maximumRetryAttempts = Value.absent();
  public Value<Integer> maximumEventAgeSeconds = Value.absent();

  public EventInvokeConfig(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}
