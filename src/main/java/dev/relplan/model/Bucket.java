package dev.relplan.model;

import dev.relplan.source.Location;
import java.util.List;

/** An S3 bucket. */
public final class Bucket extends Resource {
  /** Enabled, Suspended or not set. */
  public Value<String> versioning = Value.absent();

  public Value<List<Object>> replicationDestinations = Value.absent();
  public Value<Boolean> objectLock = Value.absent();

  /** Functions notified by bucket events (asynchronous invocation). */
  public Value<List<Object>> lambdaNotifications = Value.absent();

  public Bucket(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}
