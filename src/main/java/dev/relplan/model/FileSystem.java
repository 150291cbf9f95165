package dev.relplan.model;

import dev.relplan.source.Location;
import java.util.List;

/** An EFS file system. */
public final class FileSystem extends Resource {
  public Value<String> backupPolicy = Value.absent();

  /** Set for One Zone storage. */
  public Value<String> oneZone = Value.absent();

  public Value<List<Object>> replicationRegions = Value.absent();

  public FileSystem(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}
