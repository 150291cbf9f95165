package dev.relplan.model;

import dev.relplan.source.Location;

/**
 * One schema change in a migration script (e.g. an Alembic {@code op.drop_column}) that the
 * previous release of the application cannot run against: a dropped or renamed table or column, or
 * a NOT NULL column without a default.
 */
public final class Migration extends Resource {
  public final String tool;

  /** What the change does, e.g. "drops column orders.legacy_ref". */
  public final String change;

  /** Why the previous release breaks. */
  public final String why;

  public Migration(String file, String tool, String change, String why, Location location) {
    super(file, change + ":" + location.line(), "code:migration", location);
    this.tool = tool;
    this.change = change;
    this.why = why;
  }

  @Override
  public String identityText() {
    return "";
  }
}
