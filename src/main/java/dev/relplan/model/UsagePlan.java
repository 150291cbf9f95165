package dev.relplan.model;

import dev.relplan.source.Location;
import java.util.List;

/** An API Gateway usage plan. */
public final class UsagePlan extends Resource {
  public Value<Double> throttleRate = Value.absent();
  public Value<List<Object>> apis = Value.absent();

  public UsagePlan(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}
