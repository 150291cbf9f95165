package dev.relplan.rules.recovery;

import dev.relplan.model.*;
import dev.relplan.rules.*;
import java.util.*;

/** Backups kept for less than a week. */
public final class BackupShortRetention extends BaseRule {
  public BackupShortRetention() {
    super(
        RuleMeta.builder("REL-BACKUP-SHORT-RETENTION")
            .flag("RC-SHORT-RETENTION")
            .domain(Domain.RECOVERY)
            .title("Backup retention is shorter than 7 days")
            .bestPractices("REL09-BP01", "REL09-BP03")
            .impact(
                Impact.SEVERE,
                "Corruption noticed after the retention window (a weekend, a slow-burning bug) cannot be undone: every backup already contains it.")
            .likelihood(Likelihood.MEDIUM, "Silent data corruption is often found days later.")
            .tier(Tier.QUICK_WIN)
            .effort("Minutes: raise the retention setting")
            .services("RDS", "Aurora", "AWS Backup")
            .remediation(
                "Keep automated backups for at least 7 days (RDS/Aurora BackupRetentionPeriod, AWS Backup DeleteAfterDays), longer where compliance or late-detected corruption requires it.")
            .dependsOn("REL-BACKUP-MISSING")
            .formats(InputFormat.CLOUDFORMATION, InputFormat.TERRAFORM)
            .build());
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    for (Resource r : BackupCoverage.dataStores(w)) {
      if (!(r instanceof Database db)) continue;
      Value<Integer> days = db.backupRetentionDays;
      if (days.unresolved()) {
        out.report(this, db, "", "", days);
      } else if (days.present() && days.get() > 0 && days.get() < 7) {
        if (BackupCoverage.of(w, db).protections().stream()
            .anyMatch(p -> p.plan() != null && retains7(p.plan()))) continue;
        out.report(
            this,
            db,
            "Database " + db.id + " keeps backups for " + days.get() + " day(s)",
            "BackupRetentionPeriod of "
                + db.id
                + " is "
                + days
                + ": point-in-time restore cannot go back further than that.",
            days);
      } else if (days.present() && days.get() >= 7) {
        out.strength(
            this,
            "Database " + db.id + " keeps automated backups for " + days.get() + " days",
            Findings.evidence(db, days));
      }
    }
    for (BackupPlan plan : w.all(BackupPlan.class)) {
      for (BackupPlan.Rule rule : plan.rules) {
        Value<Integer> days = rule.deleteAfterDays();
        if (days.unresolved()) {
          out.report(this, plan, "", "", days);
        } else if (days.present() && days.get() < 7) {
          out.report(
              this,
              plan,
              "Backup plan "
                  + plan.id
                  + " rule "
                  + rule.name()
                  + " keeps backups for "
                  + days.get()
                  + " day(s)",
              "Rule " + rule.name() + " deletes recovery points after " + days + ".",
              days);
        }
      }
    }
  }

  private static boolean retains7(BackupPlan plan) {
    Value<Integer> d = BackupCoverage.shortestRetention(plan);
    return d.known() && (!d.present() || d.get() >= 7);
  }
}
