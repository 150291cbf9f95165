package dev.relplan.generate;

import java.time.Duration;
import java.util.List;

/**
 * How often the generated AWS Backup rule runs and how long it keeps recovery points, from the
 * recovery point objective: AWS Backup schedules run at most hourly, so an RPO under an hour needs
 * continuous backup (point-in-time restore for RDS, Aurora and S3).
 *
 * @param cron the rule's schedule expression
 * @param continuous whether the rule turns on continuous backup
 * @param retentionDays how long recovery points and their copies are kept
 * @param why one sentence on how the schedule follows from the RPO
 */
record BackupSchedule(String cron, boolean continuous, int retentionDays, String why) {
  /**
   * 35 days: above the 7 days REL-BACKUP-SHORT-RETENTION requires for production data, and the
   * longest retention AWS Backup allows for continuous backups.
   */
  static final int RETENTION_DAYS = 35;

  static final String RETENTION_WHY =
      "recovery points and their copies are kept "
          + RETENTION_DAYS
          + " days: above the 7-day minimum of REL-BACKUP-SHORT-RETENTION and the longest that"
          + " continuous backups allow";

  private static final List<Integer> HOURS_DIVIDING_A_DAY = List.of(12, 8, 6, 4, 3, 2, 1);

  /** The schedule for an RPO given as an ISO-8601 duration, or null when none was given. */
  static BackupSchedule forRpo(String rpo) {
    Duration d = rpo == null || !rpo.startsWith("P") ? null : Duration.parse(rpo);
    if (d == null)
      return new BackupSchedule(
          "cron(0 5 ? * * *)",
          false,
          RETENTION_DAYS,
          "no recovery point objective was given (--rpo): daily at 05:00 UTC, an RPO of 24 hours");
    if (d.compareTo(Duration.ofHours(1)) < 0)
      return new BackupSchedule(
          "cron(0 * ? * * *)",
          true,
          RETENTION_DAYS,
          "the RPO of "
              + rpo
              + " is under AWS Backup's hourly minimum: continuous backup (point-in-time restore"
              + " for RDS, Aurora and S3) and hourly snapshots of the other types");
    if (d.compareTo(Duration.ofDays(1)) < 0) {
      long hours = d.toHours();
      int every = HOURS_DIVIDING_A_DAY.stream().filter(h -> h <= hours).findFirst().orElse(1);
      return new BackupSchedule(
          every == 1 ? "cron(0 * ? * * *)" : "cron(0 */" + every + " ? * * *)",
          false,
          RETENTION_DAYS,
          "every " + every + (every == 1 ? " hour" : " hours") + " to meet the RPO of " + rpo);
    }
    return new BackupSchedule(
        "cron(0 5 ? * * *)", false, RETENTION_DAYS, "daily at 05:00 UTC to meet the RPO of " + rpo);
  }
}
