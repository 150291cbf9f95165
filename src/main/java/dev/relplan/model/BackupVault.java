package dev.relplan.model;

import dev.relplan.source.Location;

/** An AWS Backup vault. */
public final class BackupVault extends Resource {

  public BackupVault(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}
