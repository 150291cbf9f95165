package dev.relplan.rules.recovery;

import dev.relplan.model.*;
import dev.relplan.rules.*;
import dev.relplan.source.Location;
import java.util.*;

/** Critical data with no copy outside its Region. */
public final class BackupNoCrossRegion extends BaseRule {
  public BackupNoCrossRegion() {
    super(
        RuleMeta.builder("REL-BACKUP-NO-CROSS-REGION")
            .flag("RC-NO-CROSS-REGION-BACKUP")
            .domain(Domain.RECOVERY)
            .title("Critical data has no cross-Region copy")
            .bestPractices("REL13-BP02", "REL09-BP01", "REL10-BP01")
            .impact(
                Impact.SEVERE,
                "A Regional outage, or a compromise of the account or Region, leaves no restorable copy of the data.")
            .likelihood(
                Likelihood.LOW,
                "It takes a Region-wide event or an account-level incident, which is rare.")
            .tier(Tier.STRATEGIC)
            .effort("Weeks: copy actions, replication and a DR runbook")
            .services("AWS Backup", "S3", "DynamoDB", "Aurora", "RDS")
            .remediation(
                "Copy backups to a vault in another Region (AWS Backup copy actions), or replicate the data (S3 replication, DynamoDB global tables, Aurora Global Database, RDS cross-Region automated backups).")
            .dependsOn("REL-BACKUP-MISSING")
            .advice(
                Fix.in(
                        Dialect.CDK,
                        "Make the table a global table with a replica in a second Region: a TableV2 with replicas (or replicationRegions on a Table), which also keeps a live copy for failover.",
                        """
                new dynamodb.TableV2(this, 'Table', {
                  // ...
                  replicas: [{ region: 'us-west-2' }],
                });
                """)
                    .on("AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable")
                    .involving("DynamoDB"),
                Fix.in(
                    Dialect.CDK,
                    "Select the store in an AWS Backup plan whose rule copies each recovery point to a vault in another Region (copyActions on the BackupPlanRule).",
                    """
                const plan = backup.BackupPlan.daily35DayRetention(this, 'Plan');
                plan.addRule(new backup.BackupPlanRule({
                  ruleName: 'CopyToSecondRegion',
                  scheduleExpression: events.Schedule.cron({ hour: '3', minute: '0' }),
                  copyActions: [{
                    destinationBackupVault: backup.BackupVault.fromBackupVaultArn(
                      this, 'DrVault', drVaultArn),
                    deleteAfter: cdk.Duration.days(35),
                  }],
                }));
                plan.addSelection('Data', {
                  resources: [backup.BackupResource.fromConstruct(database)],
                });
                """),
                Fix.in(
                        Dialect.CLOUDFORMATION,
                        "Replicate the table to a second Region as a global table: declare it as AWS::DynamoDB::GlobalTable with a Replicas entry per Region (existing tables: add the replica, then import the table into the stack as a global table).",
                        """
                        Table:
                          Type: AWS::DynamoDB::GlobalTable
                          Properties:
                            BillingMode: PAY_PER_REQUEST
                            StreamSpecification:
                              StreamViewType: NEW_AND_OLD_IMAGES
                            Replicas:
                              - Region: us-east-1
                              - Region: us-west-2
                        """)
                    .on("AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable")
                    .involving("DynamoDB"),
                Fix.in(
                        Dialect.CLOUDFORMATION,
                        "Replicate the bucket to a bucket in another Region: VersioningConfiguration Status: Enabled on both and a ReplicationConfiguration rule with the destination bucket.",
                        """
                        Bucket:
                          Type: AWS::S3::Bucket
                          Properties:
                            VersioningConfiguration:
                              Status: Enabled
                            ReplicationConfiguration:
                              Role: !GetAtt ReplicationRole.Arn
                              Rules:
                                - Status: Enabled
                                  Destination:
                                    Bucket: arn:aws:s3:::invoices-dr-us-west-2
                        """)
                    .on("AWS::S3::Bucket")
                    .involving("S3"),
                Fix.in(
                        Dialect.TERRAFORM,
                        "Replicate the table to a second Region as a global table: a replica block per Region (streams enabled with NEW_AND_OLD_IMAGES).",
                        """
                        resource "aws_dynamodb_table" "carts" {
                          # ...
                          stream_enabled   = true
                          stream_view_type = "NEW_AND_OLD_IMAGES"
                          replica {
                            region_name = "us-west-2"
                          }
                        }
                        """)
                    .on("aws_dynamodb_table")
                    .involving("DynamoDB"),
                Fix.in(
                        Dialect.TERRAFORM,
                        "Replicate the bucket to a bucket in another Region: aws_s3_bucket_versioning on both and an aws_s3_bucket_replication_configuration rule with the destination bucket.",
                        """
                        resource "aws_s3_bucket_replication_configuration" "dr" {
                          bucket = aws_s3_bucket.invoices.id
                          role   = aws_iam_role.replication.arn
                          rule {
                            id     = "dr"
                            status = "Enabled"
                            destination {
                              bucket = aws_s3_bucket.invoices_dr.arn
                            }
                          }
                          depends_on = [aws_s3_bucket_versioning.invoices]
                        }
                        """)
                    .on("aws_s3_bucket")
                    .involving("S3"),
                Fix.in(
                        Dialect.CLOUDFORMATION,
                        "Copy the cluster's data to a second Region: an Aurora Global Database (AWS::RDS::GlobalCluster with a secondary cluster), or AWS Backup CopyActions to a vault in another Region.",
                        """
                GlobalCluster:
                  Type: AWS::RDS::GlobalCluster
                  Properties:
                    GlobalClusterIdentifier: orders-global
                    SourceDBClusterIdentifier: !Ref Cluster
                """)
                    .on("AWS::RDS::DBCluster")
                    .involving("Aurora"),
                Fix.in(
                    Dialect.CLOUDFORMATION,
                    "Copy each recovery point to a vault in another Region: CopyActions with a DestinationBackupVaultArn on the backup plan's rule.",
                    """
                BackupPlanRule:
                  - RuleName: daily
                    TargetBackupVault: !Ref Vault
                    ScheduleExpression: cron(0 3 * * ? *)
                    CopyActions:
                      - DestinationBackupVaultArn: arn:aws:backup:us-west-2:111122223333:backup-vault:dr
                        Lifecycle:
                          DeleteAfterDays: 35
                """),
                Fix.in(
                        Dialect.TERRAFORM,
                        "Replicate the automated backups to another Region with an aws_db_instance_automated_backups_replication (a provider for the destination Region), or AWS Backup copy_action to a vault there.",
                        """
                resource "aws_db_instance_automated_backups_replication" "dr" {
                  provider               = aws.dr
                  source_db_instance_arn = aws_db_instance.main.arn
                  retention_period       = 14
                }
                """)
                    .on("aws_db_instance")
                    .involving("RDS"),
                Fix.in(
                        Dialect.TERRAFORM,
                        "Copy the cluster's data to a second Region: an Aurora Global Database (aws_rds_global_cluster with a secondary cluster), or AWS Backup copy_action to a vault there.",
                        """
                resource "aws_rds_global_cluster" "orders" {
                  global_cluster_identifier    = "orders-global"
                  source_db_cluster_identifier = aws_rds_cluster.main.arn
                }
                """)
                    .on("aws_rds_cluster")
                    .involving("Aurora"),
                Fix.in(
                    Dialect.TERRAFORM,
                    "Copy each recovery point to a vault in another Region: a copy_action with destination_vault_arn in the aws_backup_plan's rule.",
                    """
                rule {
                  rule_name         = "daily"
                  target_vault_name = aws_backup_vault.main.name
                  schedule          = "cron(0 3 * * ? *)"
                  copy_action {
                    destination_vault_arn = aws_backup_vault.dr.arn
                  }
                }
                """))
            .formats(InputFormat.CLOUDFORMATION, InputFormat.TERRAFORM, InputFormat.CDK)
            .build());
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    for (Resource r : BackupCoverage.dataStores(w)) {
      if (r instanceof Volume) continue;
      List<Location> offsite = BackupCoverage.offsiteEvidence(w, r);
      if (!offsite.isEmpty()) {
        out.strength(this, r.id + " has a copy outside its Region", offsite);
        continue;
      }
      if (r instanceof Database d
          && (d.backupReplicationRegion.unresolved() || d.globalCluster.unresolved())) {
        // Cross-Region backup replication or a global cluster is configured from a value known only
        // at deploy time.
        out.report(
            this,
            r,
            "",
            "",
            d.backupReplicationRegion.unresolved() ? d.backupReplicationRegion : d.globalCluster);
        continue;
      }
      Value<?> replication = replicationSetting(r);
      if (replication.unresolved()) {
        // The replicas or replication destinations are known only at deploy time.
        out.report(this, r, "", "", replication);
        continue;
      }
      Value<Boolean> own = BackupMissing.ownBackup(r);
      boolean covered = BackupCoverage.of(w, r).covered();
      if (!covered && own.known() && !Boolean.TRUE.equals(own.get()))
        continue; // no backup at all: REL-BACKUP-MISSING says it
      out.report(
          this,
          r,
          BackupMissing.kind(r) + " " + r.id + " has no cross-Region copy",
          "No copy action, replication rule, global table or cross-Region replica protects "
              + r.id
              + (ctx.needsMultiRegion()
                  ? "; the availability target of "
                      + ctx.availabilityTarget()
                      + "% requires surviving a Regional outage."
                  : "."));
    }
  }

  /** The store's own cross-Region replication setting (replicas, replication destinations). */
  private static Value<?> replicationSetting(Resource r) {
    if (r instanceof Table t) return t.replicaRegions;
    if (r instanceof Bucket b) return b.replicationDestinations;
    if (r instanceof FileSystem f) return f.replicationRegions;
    return Value.absent();
  }
}
