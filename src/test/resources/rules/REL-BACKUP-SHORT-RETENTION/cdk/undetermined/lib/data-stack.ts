import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';

export interface DataStackProps extends cdk.StackProps {
  readonly retentionDays: number;
}

// How long backups are kept is given by the app (bin/), which is not followed.
export class DataStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const vpc = new ec2.Vpc(this, 'Network');
    new rds.DatabaseCluster(this, 'Ledger', {
      engine: rds.DatabaseClusterEngine.auroraPostgres({
        version: rds.AuroraPostgresEngineVersion.VER_16_1,
      }),
      writer: rds.ClusterInstance.provisioned('writer'),
      readers: [rds.ClusterInstance.provisioned('reader')],
      backup: { retention: cdk.Duration.days(props.retentionDays) },
      vpc,
    });
  }
}
