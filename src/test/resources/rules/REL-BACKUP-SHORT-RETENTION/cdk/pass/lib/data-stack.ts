import * as cdk from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';

// Two weeks of point-in-time restore, and a daily plan rule kept 35 days.
export class DataStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const vpc = new ec2.Vpc(this, 'Network');
    new rds.DatabaseCluster(this, 'Ledger', {
      engine: rds.DatabaseClusterEngine.auroraPostgres({
        version: rds.AuroraPostgresEngineVersion.VER_16_1,
      }),
      writer: rds.ClusterInstance.provisioned('writer'),
      readers: [rds.ClusterInstance.provisioned('reader')],
      backup: { retention: cdk.Duration.days(14) },
      vpc,
    });
    new backup.BackupPlan(this, 'Snapshots', {
      backupPlanRules: [backup.BackupPlanRule.daily()],
    });
  }
}
