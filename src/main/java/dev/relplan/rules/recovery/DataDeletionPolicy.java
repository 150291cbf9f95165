package dev.relplan.rules.recovery;

import dev.relplan.model.*;
import dev.relplan.rules.*;
import java.util.*;

/** Data stores that a stack deletion or resource replacement would delete outright. */
public final class DataDeletionPolicy extends BaseRule {
  public DataDeletionPolicy() {
    super(
        RuleMeta.builder("REL-DATA-DELETION-POLICY")
            .domain(Domain.RECOVERY)
            .title("Data store is deleted with its stack")
            .bestPractices("REL09-BP01", "REL08-BP04")
            .impact(
                Impact.MODERATE,
                "A mistaken stack deletion or a property change that forces replacement deletes the data with no final snapshot.")
            .likelihood(Likelihood.LOW, "It takes an operator error or a replacing update.")
            .tier(Tier.QUICK_WIN)
            .effort("Minutes: retain or snapshot the data on deletion, or deletion protection")
            .services("CloudFormation", "RDS", "DynamoDB")
            .remediation(
                "Set DeletionPolicy and UpdateReplacePolicy to Retain (or Snapshot where supported) on data stores, and enable deletion protection on databases and tables.")
            .advice(
                Fix.in(
                        Dialect.CDK,
                        "Give the database construct removalPolicy: RemovalPolicy.SNAPSHOT (or RETAIN), which also keeps a final snapshot on replacement, and deletionProtection: true.",
                        """
                new rds.DatabaseInstance(this, 'Database', {
                  // ...
                  removalPolicy: cdk.RemovalPolicy.SNAPSHOT,
                  deletionProtection: true,
                });
                """)
                    .on(
                        "AWS::RDS::DBInstance",
                        "AWS::RDS::DBCluster",
                        "AWS::DocDB::DBCluster",
                        "AWS::Neptune::DBCluster"),
                Fix.in(
                    Dialect.CDK,
                    "Give the table construct removalPolicy: RemovalPolicy.RETAIN (its default, which the app overrides) and deletionProtection: true, so removing the stack or replacing the table keeps its data.",
                    """
                new dynamodb.Table(this, 'Table', {
                  // ...
                  removalPolicy: cdk.RemovalPolicy.RETAIN,
                  deletionProtection: true,
                });
                """),
                Fix.in(
                        Dialect.CLOUDFORMATION,
                        "Set DeletionPolicy and UpdateReplacePolicy to Snapshot on the database, so a stack deletion or replacement leaves a final snapshot, and DeletionProtection: true.",
                        """
                Database:
                  Type: AWS::RDS::DBInstance
                  DeletionPolicy: Snapshot
                  UpdateReplacePolicy: Snapshot
                  Properties:
                    DeletionProtection: true
                """)
                    .on(
                        "AWS::RDS::DBInstance",
                        "AWS::RDS::DBCluster",
                        "AWS::DocDB::DBCluster",
                        "AWS::Neptune::DBCluster"),
                Fix.in(
                        Dialect.CLOUDFORMATION,
                        "Set DeletionPolicy and UpdateReplacePolicy to Retain on the table, and DeletionProtectionEnabled: true.",
                        """
                Table:
                  Type: AWS::DynamoDB::Table
                  DeletionPolicy: Retain
                  UpdateReplacePolicy: Retain
                  Properties:
                    DeletionProtectionEnabled: true
                """)
                    .on("AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable")
                    .involving("CloudFormation", "DynamoDB"),
                Fix.in(
                        Dialect.CLOUDFORMATION,
                        "Set DeletionPolicy and UpdateReplacePolicy to Snapshot on the volume, so a stack deletion or replacement leaves a snapshot.",
                        """
                Volume:
                  Type: AWS::EC2::Volume
                  DeletionPolicy: Snapshot
                  UpdateReplacePolicy: Snapshot
                """)
                    .on("AWS::EC2::Volume")
                    .involving("CloudFormation", "EBS"),
                Fix.in(
                    Dialect.CLOUDFORMATION,
                    "Set DeletionPolicy and UpdateReplacePolicy to Retain on the data store, so a stack deletion or replacement keeps it.",
                    """
                Store:
                  Type: AWS::S3::Bucket
                  DeletionPolicy: Retain
                  UpdateReplacePolicy: Retain
                """),
                Fix.in(
                        Dialect.TERRAFORM,
                        "Keep a final snapshot and block deletion: skip_final_snapshot = false with a final_snapshot_identifier, and deletion_protection = true; lifecycle { prevent_destroy = true } stops terraform destroy too.",
                        """
                resource "aws_db_instance" "main" {
                  # ...
                  deletion_protection       = true
                  skip_final_snapshot       = false
                  final_snapshot_identifier = "main-final"

                  lifecycle {
                    prevent_destroy = true
                  }
                }
                """)
                    .on(
                        "aws_db_instance",
                        "aws_rds_cluster",
                        "aws_docdb_cluster",
                        "aws_neptune_cluster")
                    .involving("RDS")
                    .effort("Minutes: final snapshot and deletion protection"),
                Fix.in(
                        Dialect.TERRAFORM,
                        "Block deletion of the table: deletion_protection_enabled = true, and lifecycle { prevent_destroy = true } so terraform destroy refuses too.",
                        """
                resource "aws_dynamodb_table" "orders" {
                  # ...
                  deletion_protection_enabled = true

                  lifecycle {
                    prevent_destroy = true
                  }
                }
                """)
                    .on("aws_dynamodb_table")
                    .involving("DynamoDB")
                    .effort("Minutes: deletion protection and prevent_destroy"),
                Fix.in(
                        Dialect.TERRAFORM,
                        "Add lifecycle { prevent_destroy = true } so that Terraform refuses a plan that destroys or replaces the data store.",
                        """
                resource "aws_s3_bucket" "data" {
                  # ...
                  lifecycle {
                    prevent_destroy = true
                  }
                }
                """)
                    .effort("Minutes: prevent_destroy"),
                Fix.in(
                        Dialect.CDK_JAVA,
                        "Call removalPolicy(RemovalPolicy.SNAPSHOT) (or RETAIN) on the database construct's builder, which also keeps a final snapshot on replacement, and deletionProtection(true).",
                        """
                DatabaseInstance.Builder.create(this, "Database")
                    // ...
                    .removalPolicy(RemovalPolicy.SNAPSHOT)
                    .deletionProtection(true)
                    .build();
                """)
                    .on(
                        "AWS::RDS::DBInstance",
                        "AWS::RDS::DBCluster",
                        "AWS::DocDB::DBCluster",
                        "AWS::Neptune::DBCluster"),
                Fix.in(
                    Dialect.CDK_JAVA,
                    "Call removalPolicy(RemovalPolicy.RETAIN) (its default, which the app overrides) and deletionProtection(true) on the table's builder, so removing the stack or replacing the table keeps its data.",
                    """
                Table.Builder.create(this, "Table")
                    // ...
                    .removalPolicy(RemovalPolicy.RETAIN)
                    .deletionProtection(true)
                    .build();
                """))
            .formats(InputFormat.CLOUDFORMATION, InputFormat.TERRAFORM, InputFormat.CDK)
            .build());
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    for (Resource r : BackupCoverage.dataStores(w)) {
      if (r instanceof Volume || r instanceof Bucket)
        continue; // S3 refuses to delete non-empty buckets
      Value<Boolean> protection =
          r instanceof Database d
              ? d.deletionProtection
              : r instanceof Table t ? t.deletionProtection : Value.absent();
      if (protection.isTrue()) continue;
      if (r.onDelete.unresolved()) {
        out.report(
            this, r, "", "", r.onDelete); // Cannot Determine: the policy is computed at deploy time
        continue;
      }
      if (!"DELETE".equals(r.onDelete.orElse(""))) continue;
      // Deletion protection set from an unresolvable value may be on: Cannot Determine rather than
      // a guess.
      out.report(
          this,
          r,
          r.id + " is deleted with its stack",
          r.id
              + " has "
              + deletionSetting(r)
              + " and no deletion protection: removing the stack or replacing the resource deletes its data.",
          r.onDelete,
          protection);
    }
  }

  /**
   * The deletion setting as the subject's format writes it: the CDK's RemovalPolicy calls
   * CloudFormation's Delete DESTROY.
   */
  private static String deletionSetting(Resource r) {
    Dialect written = Dialect.of(r);
    String value = String.valueOf(r.onDelete);
    if (written == Dialect.CDK || written == Dialect.CDK_PYTHON || written == Dialect.CDK_JAVA)
      value = value.replace("DELETE", "DESTROY");
    return Property.DELETION_POLICY.of(r) + " " + value;
  }
}
