package dev.relplan.generate;

import dev.relplan.model.Database;
import dev.relplan.model.Resource;
import java.util.Map;

/**
 * How AWS Backup names a resource type it protects: the CloudFormation expression of the resource's
 * ARN (a {@code %s} for the logical id), and the restore testing's protected resource type.
 * Terraform's resources all expose {@code .arn}.
 */
record Protectable(String cfnArn, String restoreType) {
  private static final String ARN = "arn:${AWS::Partition}:";
  private static final String ACCOUNT = ":${AWS::Region}:${AWS::AccountId}:";

  private static final Map<String, Protectable> CLOUDFORMATION =
      Map.ofEntries(
          Map.entry("AWS::DynamoDB::Table", new Protectable("!GetAtt %s.Arn", "DynamoDB")),
          Map.entry("AWS::DynamoDB::GlobalTable", new Protectable("!GetAtt %s.Arn", "DynamoDB")),
          // SAM's SimpleTable returns only its name.
          Map.entry(
              "AWS::Serverless::SimpleTable",
              new Protectable("!Sub " + ARN + "dynamodb" + ACCOUNT + "table/${%s}", "DynamoDB")),
          Map.entry("AWS::S3::Bucket", new Protectable("!GetAtt %s.Arn", "S3")),
          Map.entry("AWS::EFS::FileSystem", new Protectable("!GetAtt %s.Arn", "EFS")),
          Map.entry(
              "AWS::EC2::Volume",
              new Protectable("!Sub " + ARN + "ec2" + ACCOUNT + "volume/${%s}", "EBS")),
          Map.entry("AWS::RDS::DBInstance", new Protectable("!GetAtt %s.DBInstanceArn", "RDS")),
          Map.entry("AWS::RDS::DBCluster", new Protectable("!GetAtt %s.DBClusterArn", "Aurora")),
          Map.entry(
              "AWS::DocDB::DBCluster",
              new Protectable("!Sub " + ARN + "rds" + ACCOUNT + "cluster:${%s}", "DocumentDB")),
          Map.entry(
              "AWS::Neptune::DBCluster",
              new Protectable("!Sub " + ARN + "rds" + ACCOUNT + "cluster:${%s}", "Neptune")));

  private static final Map<String, String> TERRAFORM =
      Map.of(
          "aws_dynamodb_table", "DynamoDB",
          "aws_s3_bucket", "S3",
          "aws_efs_file_system", "EFS",
          "aws_ebs_volume", "EBS",
          "aws_db_instance", "RDS",
          "aws_rds_cluster", "Aurora",
          "aws_docdb_cluster", "DocumentDB",
          "aws_neptune_cluster", "Neptune");

  /** The CloudFormation or SAM resource's protection, or null when AWS Backup has none for it. */
  static Protectable cloudFormation(Resource r) {
    Protectable p = CLOUDFORMATION.get(r.writtenType());
    return p == null ? null : new Protectable(p.cfnArn, restoreType(r, p.restoreType));
  }

  /** The Terraform resource's restore testing type, or null when AWS Backup has none for it. */
  static String terraformRestoreType(Resource r) {
    String type = TERRAFORM.get(r.type);
    return type == null ? null : restoreType(r, type);
  }

  /** The ARN expression for this logical id. */
  String arnOf(String logicalId) {
    return cfnArn.formatted(logicalId);
  }

  /** An RDS cluster that is not Aurora (a Multi-AZ DB cluster) is restored as RDS. */
  private static String restoreType(Resource r, String type) {
    if (type.equals("Aurora")
        && r instanceof Database d
        && d.engine.present()
        && !d.engine.get().startsWith("aurora")) return "RDS";
    return type;
  }
}
