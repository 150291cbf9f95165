package dev.relplan.model;

import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;

/** An EventBridge (CloudWatch Events) rule with its targets. */
public final class EventRule extends Resource {
  public record Target(
      String id,
      Value<Object> arn,
      Value<Object> deadLetterTarget,
      Value<Integer> maxRetryAttempts,
      Location location) {}

  public Value<String> schedule = Value.absent();
  public Value<String> state = Value.absent();
  public final List<Target> targets = new ArrayList<>();

  public EventRule(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}
