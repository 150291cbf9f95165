package dev.relplan.model;

import dev.relplan.source.Location;

/** An API Gateway stage (REST, HTTP or WebSocket). */
public final class ApiStage extends Resource {
  public Value<Object> api = Value.absent();
  public String apiKind = "REST";
  public Value<String> stageName = Value.absent();
  public Value<Double> throttleRate = Value.absent();
  public Value<Double> throttleBurst = Value.absent();

  public ApiStage(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}
