import * as cdk from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';

// The cluster keeps the construct's 1 day of automated backups, and the plan's hourly rule
// deletes its recovery points after 3 days.
export class DataStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const vpc = new ec2.Vpc(this, 'Network');
    new rds.DatabaseCluster(this, 'Ledger', { // relplan:finding
      engine: rds.DatabaseClusterEngine.auroraPostgres({
        version: rds.AuroraPostgresEngineVersion.VER_16_1,
      }),
      writer: rds.ClusterInstance.provisioned('writer'),
      readers: [rds.ClusterInstance.provisioned('reader')],
      vpc,
    });
    const plan = new backup.BackupPlan(this, 'Snapshots'); // relplan:finding
    plan.addRule(
      new backup.BackupPlanRule({
        ruleName: 'Hourly',
        scheduleExpression: cdk.aws_events.Schedule.cron({ minute: '0' }),
        deleteAfter: cdk.Duration.days(3), // relplan:evidence
      }),
    );
  }
}
