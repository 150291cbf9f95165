package dev.relplan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a synthetic CloudFormation repository of a chosen size for benchmarks. */
public final class SyntheticRepository {
  private SyntheticRepository() {}

  /**
   * {@code stacks} templates, each with a database, a queue and DLQ, a function with an SQS event,
   * an ASG and an alarm.
   */
  public static Path write(Path dir, int stacks) throws IOException {
    for (int i = 0; i < stacks; i++) {
      StringBuilder t = new StringBuilder();
      t.append("AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\n");
      t.append(
          "Parameters:\n  Environment:\n    Type: String\n    Default: prod\n    AllowedValues: [dev, staging, prod]\n");
      t.append("Conditions:\n  IsProd: !Equals [!Ref Environment, prod]\n");
      t.append("Globals:\n  Function:\n    Timeout: 10\n    Runtime: python3.12\n");
      t.append("Resources:\n");
      for (int j = 0; j < 5; j++) {
        String s = "S" + i + "x" + j;
        t.append("  Db")
            .append(s)
            .append(":\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n")
            .append("      MultiAZ: !If [IsProd, true, false]\n      BackupRetentionPeriod: 7\n");
        t.append("  Dlq").append(s).append(":\n    Type: AWS::SQS::Queue\n");
        t.append("  Queue")
            .append(s)
            .append(":\n    Type: AWS::SQS::Queue\n    Properties:\n      RedrivePolicy:\n")
            .append("        deadLetterTargetArn: !GetAtt Dlq")
            .append(s)
            .append(".Arn\n        maxReceiveCount: 5\n");
        t.append("  Fn")
            .append(s)
            .append(
                ":\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: app.handler\n")
            .append(
                "      Events:\n        Q:\n          Type: SQS\n          Properties:\n            Queue: !GetAtt Queue")
            .append(s)
            .append(".Arn\n");
        t.append("  Asg")
            .append(s)
            .append(
                ":\n    Type: AWS::AutoScaling::AutoScalingGroup\n    Properties:\n      MinSize: '2'\n      MaxSize: '6'\n")
            .append("      HealthCheckType: ELB\n");
        t.append("  Alarm")
            .append(s)
            .append(
                ":\n    Type: AWS::CloudWatch::Alarm\n    Properties:\n      Namespace: AWS/SQS\n")
            .append(
                "      MetricName: ApproximateAgeOfOldestMessage\n      AlarmActions: [arn:aws:sns:us-east-1:111122223333:ops]\n");
      }
      Files.writeString(dir.resolve("stack-" + i + ".yaml"), t);
    }
    return dir;
  }
}
