package dev.relplan.rules.recovery;

import dev.relplan.model.*;
import dev.relplan.rules.*;
import java.util.*;

/** Stateful resources with no automated backup of any kind. */
public final class BackupMissing extends BaseRule {
  public BackupMissing() {
    super(
        RuleMeta.builder("REL-BACKUP-MISSING")
            .flag("RC-NO-BACKUP")
            .domain(Domain.RECOVERY)
            .title("Stateful resource has no backup")
            .bestPractices("REL09-BP01", "REL09-BP03")
            .impact(
                Impact.SEVERE,
                "Accidental deletion, corruption or a bad deployment destroys data that cannot be restored.")
            .likelihood(
                Likelihood.MEDIUM,
                "One operator error or faulty release is enough, and no copy exists.")
            .tier(Tier.QUICK_WIN)
            .effort(
                "Hours: enable PITR / versioning / backup policy, or add the resource to an AWS Backup plan")
            .services("AWS Backup", "DynamoDB", "S3", "EFS", "EBS", "RDS")
            .remediation(
                "Enable the service's automated backups (DynamoDB point-in-time recovery, S3 versioning, EFS backup policy, RDS BackupRetentionPeriod >= 7) or select the resource in an AWS Backup plan.")
            .formats(InputFormat.CLOUDFORMATION, InputFormat.TERRAFORM)
            .build());
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    for (Resource r : BackupCoverage.dataStores(w)) {
      BackupCoverage.Result coverage = BackupCoverage.of(w, r);
      Value<?> own = ownBackup(r);
      if (coverage.covered()) {
        BackupCoverage.Protection p = coverage.protections().get(0);
        out.strength(
            this,
            r.id
                + " is protected by AWS Backup plan "
                + (p.plan() == null ? p.selection().id : p.plan().id),
            List.of(r.location, p.decidingLine()));
        continue;
      }
      if (own.unresolved()) {
        out.report(this, r, "", "", own);
      } else if (Boolean.TRUE.equals(own.get())) {
        continue; // the service's own backup; retention is judged by REL-BACKUP-SHORT-RETENTION
      } else if (coverage.undetermined() != null) {
        out.cannotDetermine(this, r, coverage.undetermined(), Findings.evidence(r, own));
      } else {
        out.report(
            this,
            r,
            kind(r) + " " + r.id + " has no backup",
            kind(r) + " " + r.id + " " + why(r) + " and no AWS Backup selection covers it.",
            own);
      }
    }
  }

  /** True when the service's own backup is on, false when off, unresolved when unknown. */
  static Value<Boolean> ownBackup(Resource r) {
    if (r instanceof Database d) return d.backupRetentionDays.map(days -> days > 0);
    if (r instanceof Table t) return t.pointInTimeRecovery;
    if (r instanceof Bucket b) {
      if (b.versioning.unresolved()) return b.versioning.map(v -> false);
      boolean on = "Enabled".equalsIgnoreCase(b.versioning.orElse(""));
      return b.versioning.present()
          ? Value.explicit(on, b.versioning.trace())
          : Value.defaulted(false, "S3 versioning is off by default");
    }
    if (r instanceof FileSystem f) return f.backupPolicy.map(s -> s.equalsIgnoreCase("ENABLED"));
    return Value.defaulted(false, "EBS volumes have no automatic snapshots");
  }

  static String kind(Resource r) {
    if (r instanceof Database) return "Database";
    if (r instanceof Table) return "DynamoDB table";
    if (r instanceof Bucket) return "S3 bucket";
    if (r instanceof FileSystem) return "EFS file system";
    return "EBS volume";
  }

  private static String why(Resource r) {
    if (r instanceof Database) return "has BackupRetentionPeriod 0 (automated backups disabled)";
    if (r instanceof Table) return "has point-in-time recovery disabled";
    if (r instanceof Bucket)
      return "has versioning disabled, so overwritten or deleted objects cannot be recovered,";
    if (r instanceof FileSystem) return "has its automatic backup policy disabled";
    return "has no snapshot schedule";
  }
}
