package dev.relplan.model;

import dev.relplan.source.Location;
import java.util.List;

/** An AWS Backup selection: which resources a plan protects. */
public final class BackupSelection extends Resource {
  public Value<Object> plan = Value.absent();

  /** ARNs or refs selected; "*" and ARN patterns are kept as text. */
  public Value<List<Object>> resources = Value.absent();

  public Value<List<Object>> notResources = Value.absent();

  /** Tag conditions as "key=value" strings (value may be "*"). */
  public Value<List<Object>> tagConditions = Value.absent();

  public BackupSelection(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}
