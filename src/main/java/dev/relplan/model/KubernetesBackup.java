package dev.relplan.model;

import dev.relplan.source.Location;
import java.util.List;

/**
 * Backup evidence declared as Kubernetes objects: a Velero {@code Schedule}, a {@code
 * VolumeSnapshot}, or a snapscheduler {@code SnapshotSchedule}, with what each selects.
 */
public final class KubernetesBackup extends Resource {
  public enum Mechanism {
    /** velero.io Schedule: namespaces and a label selector over every object, volumes included. */
    VELERO_SCHEDULE,
    /** snapshot.storage.k8s.io VolumeSnapshot: one snapshot of one claim. */
    VOLUME_SNAPSHOT,
    /** snapscheduler.backube SnapshotSchedule: periodic snapshots of claims of its namespace. */
    SNAPSHOT_SCHEDULE,
    /** postgresql.cnpg.io ScheduledBackup: periodic backups of the CloudNativePG cluster named. */
    CNPG_SCHEDULED_BACKUP
  }

  public Mechanism mechanism;

  /** The namespace the object lives in. */
  public String namespace;

  /** Namespaces selected (Velero); null selects every namespace. */
  public List<String> includedNamespaces;

  /** Namespaces left out (Velero). */
  public List<String> excludedNamespaces = List.of();

  /** Labels selected; null selects every object. */
  public LabelSelector selector;

  /** VolumeSnapshot: the claim it snapshots; ScheduledBackup: the cluster it backs up. */
  public String claimName;

  /**
   * Why the object backs up no volume data (a paused or disabled schedule, Velero with volume
   * snapshots and file-system backup off); null when it does.
   */
  public String inactive;

  /** Why what it selects cannot be decided from the manifest; null when it can. */
  public String undetermined;

  /** The cron schedule of a Velero or snapscheduler schedule; null for a one-off snapshot. */
  public String schedule;

  /** How long its backups are kept, as the manifest or the tool's default says; null if unknown. */
  public String retention;

  /** The line that says when or what it backs up (schedule, source claim). */
  public Location decidingLine;

  public KubernetesBackup(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }

  /** How a sentence names it: {@code Velero Schedule velero/daily}. */
  public String describe() {
    String what =
        switch (mechanism) {
          case VELERO_SCHEDULE -> "Velero Schedule ";
          case VOLUME_SNAPSHOT -> "VolumeSnapshot ";
          case SNAPSHOT_SCHEDULE -> "SnapshotSchedule ";
          case CNPG_SCHEDULED_BACKUP -> "CloudNativePG ScheduledBackup ";
        };
    return what + namespace + "/" + name.orElse(id);
  }
}
