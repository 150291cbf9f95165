package dev.relplan.model;

import dev.relplan.source.Location;

/** An API Gateway integration that invokes a backend (usually a Lambda function). */
public final class ApiIntegration extends Resource {
  public Value<Object> api = Value.absent();
  public String apiKind = "REST";
  public Value<Object> function = Value.absent();
  public Value<Integer> timeoutMillis = Value.absent();

  public ApiIntegration(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}
