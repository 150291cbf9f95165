package dev.relplan.rules.recovery;

import dev.relplan.model.*;
import dev.relplan.rules.*;
import dev.relplan.source.Location;
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
            .advice(
                Fix.in(
                        Dialect.CDK,
                        "Turn on point-in-time recovery on the table construct (the AWS CDK default is off), or select the table in an AWS Backup plan.",
                        """
                new dynamodb.Table(this, 'Table', {
                  // ...
                  pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
                });
                """)
                    .on("AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable")
                    .involving("DynamoDB")
                    .effort("Minutes: enable point-in-time recovery"),
                Fix.in(
                        Dialect.CDK_PYTHON,
                        "Turn on point-in-time recovery on the table construct (the AWS CDK default is off), or select the table in an AWS Backup plan.",
                        """
                dynamodb.Table(
                    self, "Table",
                    # ...
                    point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(
                        point_in_time_recovery_enabled=True
                    ),
                )
                """)
                    .on("AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable")
                    .involving("DynamoDB")
                    .effort("Minutes: enable point-in-time recovery"),
                Fix.in(
                        Dialect.CLOUDFORMATION,
                        "Enable point-in-time recovery on the table (PointInTimeRecoverySpecification PointInTimeRecoveryEnabled: true), or select it in an AWS Backup plan.",
                        """
                Table:
                  Type: AWS::DynamoDB::Table
                  Properties:
                    PointInTimeRecoverySpecification:
                      PointInTimeRecoveryEnabled: true
                """)
                    .on("AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable")
                    .involving("DynamoDB")
                    .effort("Minutes: enable point-in-time recovery"),
                Fix.in(
                        Dialect.SAM,
                        "AWS::Serverless::SimpleTable has no backup setting: declare the table as AWS::DynamoDB::Table with PointInTimeRecoverySpecification PointInTimeRecoveryEnabled: true, or select it in an AWS Backup plan.",
                        """
                Table:
                  Type: AWS::DynamoDB::Table
                  Properties:
                    BillingMode: PAY_PER_REQUEST
                    PointInTimeRecoverySpecification:
                      PointInTimeRecoveryEnabled: true
                """)
                    .on("AWS::Serverless::SimpleTable")
                    .involving("DynamoDB")
                    .effort(
                        "Hours: declare the table as AWS::DynamoDB::Table with point-in-time recovery"),
                Fix.in(
                        Dialect.CLOUDFORMATION,
                        "Enable versioning on the bucket (VersioningConfiguration Status: Enabled) with a lifecycle rule that expires old versions, or select it in an AWS Backup plan.",
                        """
                Bucket:
                  Type: AWS::S3::Bucket
                  Properties:
                    VersioningConfiguration:
                      Status: Enabled
                """)
                    .on("AWS::S3::Bucket")
                    .involving("S3")
                    .effort("Minutes: enable versioning"),
                Fix.in(
                        Dialect.CLOUDFORMATION,
                        "Turn on automatic backups for the file system (BackupPolicy Status: ENABLED), or select it in an AWS Backup plan.",
                        """
                FileSystem:
                  Type: AWS::EFS::FileSystem
                  Properties:
                    BackupPolicy:
                      Status: ENABLED
                """)
                    .on("AWS::EFS::FileSystem")
                    .involving("EFS")
                    .effort("Minutes: enable the backup policy"),
                Fix.in(
                        Dialect.CLOUDFORMATION,
                        "Keep automated backups: BackupRetentionPeriod of 7 days or more (0 turns them off).",
                        """
                Database:
                  Type: AWS::RDS::DBInstance
                  Properties:
                    BackupRetentionPeriod: 7
                """)
                    .on(
                        "AWS::RDS::DBInstance",
                        "AWS::RDS::DBCluster",
                        "AWS::DocDB::DBCluster",
                        "AWS::Neptune::DBCluster")
                    .effort("Minutes: set the backup retention period"),
                Fix.in(
                    Dialect.CLOUDFORMATION,
                    "Select the resource in an AWS Backup plan: an AWS::Backup::BackupSelection naming it in Resources, under a plan with a daily rule.",
                    """
                Selection:
                  Type: AWS::Backup::BackupSelection
                  Properties:
                    BackupPlanId: !Ref BackupPlan
                    BackupSelection:
                      SelectionName: data
                      IamRoleArn: !GetAtt BackupRole.Arn
                      Resources:
                        - !Sub arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:volume/${Volume}
                """),
                Fix.in(
                        Dialect.TERRAFORM,
                        "Enable point-in-time recovery on the table (point_in_time_recovery { enabled = true }), or select it in an aws_backup_selection.",
                        """
                resource "aws_dynamodb_table" "orders" {
                  # ...
                  point_in_time_recovery {
                    enabled = true
                  }
                }
                """)
                    .on("aws_dynamodb_table")
                    .involving("DynamoDB")
                    .effort("Minutes: enable point-in-time recovery"),
                Fix.in(
                        Dialect.TERRAFORM,
                        "Enable versioning with an aws_s3_bucket_versioning resource (status = \"Enabled\") and expire old versions with a lifecycle configuration, or select the bucket in an aws_backup_selection.",
                        """
                resource "aws_s3_bucket_versioning" "data" {
                  bucket = aws_s3_bucket.data.id
                  versioning_configuration {
                    status = "Enabled"
                  }
                }
                """)
                    .on("aws_s3_bucket")
                    .involving("S3")
                    .effort("Minutes: enable versioning"),
                Fix.in(
                        Dialect.TERRAFORM,
                        "Turn on automatic backups with an aws_efs_backup_policy (status = \"ENABLED\"), or select the file system in an aws_backup_selection.",
                        """
                resource "aws_efs_backup_policy" "shared" {
                  file_system_id = aws_efs_file_system.shared.id
                  backup_policy {
                    status = "ENABLED"
                  }
                }
                """)
                    .on("aws_efs_file_system")
                    .involving("EFS")
                    .effort("Minutes: enable the backup policy"),
                Fix.in(
                        Dialect.TERRAFORM,
                        "Keep automated backups: backup_retention_period of 7 days or more (0 turns them off).",
                        """
                resource "aws_db_instance" "main" {
                  # ...
                  backup_retention_period = 7
                }
                """)
                    .on(
                        "aws_db_instance",
                        "aws_rds_cluster",
                        "aws_docdb_cluster",
                        "aws_neptune_cluster")
                    .effort("Minutes: set the backup retention period"),
                Fix.in(
                    Dialect.TERRAFORM,
                    "Select the resource in an AWS Backup plan with an aws_backup_selection listing its ARN, under an aws_backup_plan with a daily rule.",
                    """
                resource "aws_backup_selection" "data" {
                  name         = "data"
                  plan_id      = aws_backup_plan.daily.id
                  iam_role_arn = aws_iam_role.backup.arn
                  resources    = [aws_ebs_volume.data.arn]
                }
                """),
                Fix.in(
                        Dialect.KUBERNETES,
                        "Back up the claim's namespace with a Velero Schedule that snapshots volumes (or a VolumeSnapshot schedule such as snapscheduler's SnapshotSchedule), or run the database through an operator with scheduled backups (CloudNativePG ScheduledBackup, Crunchy PostgresCluster spec.backups).",
                        """
                apiVersion: velero.io/v1
                kind: Schedule
                metadata:
                  name: shop-daily
                  namespace: velero
                spec:
                  schedule: "0 3 * * *"
                  template:
                    includedNamespaces: [shop]
                    snapshotVolumes: true
                    ttl: 720h0m0s
                """)
                    .involving("EKS")
                    .effort("Hours: install Velero with a snapshot location and schedule it"),
                Fix.in(
                        Dialect.COMPOSE,
                        "Add a backup service that copies the volume off the host on a schedule (a volume backup image mounting it read-only, or a dump of the database it holds) to storage that outlives the host, such as S3.",
                        """
                services:
                  db-backup:
                    image: offen/docker-volume-backup:v2
                    restart: unless-stopped
                    environment:
                      BACKUP_CRON_EXPRESSION: "0 3 * * *"
                      AWS_S3_BUCKET_NAME: shop-backups
                    volumes:
                      - db-data:/backup/db-data:ro
                """)
                    .involving("S3")
                    .effort("Hours: a backup service and a bucket to copy to"),
                Fix.in(
                        Dialect.CDK,
                        "Set versioned: true on the s3.Bucket (the AWS CDK default is unversioned) with a lifecycle rule that expires noncurrent versions, or select the bucket in an AWS Backup plan.",
                        """
                new s3.Bucket(this, 'Bucket', {
                  versioned: true,
                  lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
                });
                """)
                    .on("AWS::S3::Bucket")
                    .involving("S3"),
                Fix.in(
                        Dialect.CDK_JAVA,
                        "Turn on point-in-time recovery on the table's builder (the AWS CDK default is off), or select the table in an AWS Backup plan.",
                        """
                Table.Builder.create(this, "Table")
                    // ...
                    .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true)
                        .build())
                    .build();
                """)
                    .on("AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable")
                    .involving("DynamoDB")
                    .effort("Minutes: enable point-in-time recovery"),
                Fix.in(
                        Dialect.CDK_JAVA,
                        "Call versioned(true) on the Bucket builder (the AWS CDK default is unversioned) with a lifecycle rule that expires noncurrent versions, or select the bucket in an AWS Backup plan.",
                        """
                Bucket.Builder.create(this, "Bucket")
                    .versioned(true)
                    .lifecycleRules(List.of(LifecycleRule.builder()
                        .noncurrentVersionExpiration(Duration.days(30))
                        .build()))
                    .build();
                """)
                    .on("AWS::S3::Bucket")
                    .involving("S3"))
            .formats(
                InputFormat.CLOUDFORMATION,
                InputFormat.TERRAFORM,
                InputFormat.KUBERNETES,
                InputFormat.COMPOSE,
                InputFormat.CDK,
                InputFormat.CDK_PYTHON)
            .build());
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    for (Resource r : BackupCoverage.dataStores(w)) {
      if (r instanceof Volume v && v.isClaim()) {
        checkClaim(w, v, out);
        continue;
      }
      if (r instanceof Volume v && v.isCompose()) {
        checkComposeVolume(v, out);
        continue;
      }
      if (r instanceof OperatorDatabase d) {
        checkOperatorDatabase(w, d, out);
        continue;
      }
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

  /** A Kubernetes claim: covered by a Velero schedule or a volume snapshot, or lost with it. */
  private void checkClaim(Workload w, Volume v, Findings out) {
    BackupCoverage.ClaimResult coverage = BackupCoverage.ofClaim(w, v);
    String subject = claimName(v);
    if (coverage.covered()) {
      BackupCoverage.ClaimProtection p = coverage.protections().get(0);
      out.strength(
          this,
          subject + " is backed up by " + p.backup().describe(),
          List.of(v.location, p.backup().location, p.decidingLine()));
    } else if (coverage.undetermined() != null) {
      out.cannotDetermine(this, v, coverage.undetermined(), List.of(v.location));
    } else {
      out.report(
          this,
          v,
          subject + (v.perReplica ? " have no backup" : " has no backup"),
          subject
              + (v.perReplica ? " hold data" : " holds data")
              + " on a persistent volume, and no Velero Schedule, VolumeSnapshot or"
              + " snapshot schedule in the repository selects it: deleting the claim or its"
              + " namespace, a storage failure or a corrupting release loses the data for good.",
          ownBackup(v));
    }
  }

  /**
   * A Compose volume holding a database's data: copied by a backup service, or lost with the host.
   */
  private void checkComposeVolume(Volume v, Findings out) {
    String subject = (v.id.startsWith("host:") ? "Host folder " : "Compose volume ") + v.claimName;
    if (v.composeBackup.isTrue()) {
      out.strength(
          this,
          subject + " (" + v.owner + ") is backed up by a backup service",
          Findings.evidence(v, v.composeBackup));
    } else {
      out.report(
          this,
          v,
          subject + " (" + v.owner + ") has no backup",
          subject
              + " holds the data of "
              + v.owner
              + " on the Docker host, and "
              + v.composeBackup.note()
              + ": losing the host or its disk, or a corrupting release, loses the data for good.",
          v.composeBackup);
    }
  }

  /** A database an operator runs: its own backup settings or a ScheduledBackup naming it. */
  private void checkOperatorDatabase(Workload w, OperatorDatabase d, Findings out) {
    String subject = d.operator + " " + d.type + " " + d.namespace + "/" + d.name.orElse(d.id);
    Location line = BackupCoverage.operatorBackup(w, d);
    if (line != null) {
      out.strength(this, subject + " has backups configured", List.of(d.location, line));
    } else if (d.backup.unresolved()) {
      out.report(this, d, "", "", d.backup);
    } else {
      out.report(
          this,
          d,
          subject + " has no backup",
          subject
              + " configures no backups of the operator and no ScheduledBackup names it: deleting"
              + " the cluster or its claims, or a corrupting release, loses the data for good.",
          d.backup);
    }
  }

  private static String claimName(Volume v) {
    String claim =
        (v.perReplica ? "PersistentVolumeClaims " : "PersistentVolumeClaim ")
            + (v.namespace == null || v.namespace.equals("default") ? "" : v.namespace + "/")
            + v.claimName
            + (v.perReplica ? "-<ordinal>" : "");
    return v.owner == null ? claim : claim + " (" + v.owner + ")";
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
    if (r instanceof Volume v && v.isClaim())
      return Value.defaulted(
          false, "Kubernetes takes no snapshots or backups of a PersistentVolumeClaim by itself");
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
    if (r instanceof Database)
      return "has " + Property.BACKUP_RETENTION.of(r) + " 0 (automated backups disabled)";
    if (r instanceof Table) return "has point-in-time recovery disabled";
    if (r instanceof Bucket)
      return "has versioning disabled, so overwritten or deleted objects cannot be recovered,";
    if (r instanceof FileSystem) return "has its automatic backup policy disabled";
    return "has no snapshot schedule";
  }
}
