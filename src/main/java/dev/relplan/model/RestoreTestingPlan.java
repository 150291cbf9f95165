package dev.relplan.model;

import dev.relplan.source.Location;

/** An AWS Backup restore testing plan: automated restore tests. */
public final class RestoreTestingPlan extends Resource {

  public RestoreTestingPlan(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}
