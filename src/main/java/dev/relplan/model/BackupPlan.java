package dev.relplan.model;

import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;

/** An AWS Backup plan. */
public final class BackupPlan extends Resource {
  public record CopyAction(
      Value<Object> destinationVault, Value<Integer> deleteAfterDays, Location location) {}

  public record Rule(
      String name,
      Value<String> schedule,
      Value<Integer> deleteAfterDays,
      Value<Boolean> continuous,
      List<CopyAction> copyActions,
      Location location) {}

  public final List<Rule> rules = new ArrayList<>();

  public BackupPlan(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}
