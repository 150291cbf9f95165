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
            .advice(
                Fix.in(
                        Dialect.CLOUDFORMATION,
                        "Keep recovery points for at least 7 days: Lifecycle DeleteAfterDays of 7 or more on each rule of the backup plan, longer where compliance or late-detected corruption requires it.",
                        """
                BackupPlan:
                  Type: AWS::Backup::BackupPlan
                  Properties:
                    BackupPlan:
                      BackupPlanName: daily
                      BackupPlanRule:
                        - RuleName: daily
                          TargetBackupVault: !Ref Vault
                          ScheduleExpression: cron(0 3 * * ? *)
                          Lifecycle:
                            DeleteAfterDays: 35
                """)
                    .on("AWS::Backup::BackupPlan"),
                Fix.in(
                    Dialect.CLOUDFORMATION,
                    "Keep automated backups for at least 7 days: BackupRetentionPeriod: 7 or more (up to 35), longer where compliance or late-detected corruption requires it.",
                    """
                Database:
                  Type: AWS::RDS::DBInstance
                  Properties:
                    BackupRetentionPeriod: 14
                """),
                Fix.in(
                        Dialect.TERRAFORM,
                        "Keep recovery points for at least 7 days: lifecycle { delete_after = 7 or more } on each rule of the aws_backup_plan, longer where compliance or late-detected corruption requires it.",
                        """
                resource "aws_backup_plan" "daily" {
                  name = "daily"
                  rule {
                    rule_name         = "daily"
                    target_vault_name = aws_backup_vault.main.name
                    schedule          = "cron(0 3 * * ? *)"
                    lifecycle {
                      delete_after = 35
                    }
                  }
                }
                """)
                    .on("aws_backup_plan"),
                Fix.in(
                    Dialect.TERRAFORM,
                    "Keep automated backups for at least 7 days: backup_retention_period = 7 or more (up to 35), longer where compliance or late-detected corruption requires it.",
                    """
                resource "aws_db_instance" "main" {
                  # ...
                  backup_retention_period = 14
                }
                """),
                Fix.in(
                        Dialect.CDK,
                        "Keep automated backups for at least 7 days: backupRetention on an rds.DatabaseInstance, backup.retention on an rds.DatabaseCluster (the constructs keep 1 day by default).",
                        """
                new rds.DatabaseCluster(this, 'Cluster', {
                  // ...
                  backup: { retention: Duration.days(14) },
                });
                """)
                    .on("AWS::RDS::DBInstance", "AWS::RDS::DBCluster"),
                Fix.in(
                        Dialect.CDK,
                        "Keep the plan rule's recovery points for at least 7 days: set deleteAfter on the BackupPlanRule, or use BackupPlanRule.daily() (35 days).",
                        """
                plan.addRule(new backup.BackupPlanRule({
                  ruleName: 'Daily',
                  deleteAfter: Duration.days(35),
                }));
                """)
                    .on("AWS::Backup::BackupPlan"))
            .formats(InputFormat.CLOUDFORMATION, InputFormat.TERRAFORM, InputFormat.CDK)
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
            Property.BACKUP_RETENTION.of(db)
                + " of "
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
