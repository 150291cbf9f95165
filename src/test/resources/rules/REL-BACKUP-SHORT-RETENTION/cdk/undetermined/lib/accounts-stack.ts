import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';

export interface AccountsStackProps extends cdk.StackProps {
  readonly retentionDays: number;
}

// The retention is given by the app (bin/), which is not followed.
export class AccountsStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props: AccountsStackProps) {
    super(scope, id, props);
    const vpc = new ec2.Vpc(this, 'Network', { maxAzs: 2 });
    new rds.DatabaseInstance(this, 'Accounts', {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
      vpc,
      multiAz: true,
      backupRetention: cdk.Duration.days(props.retentionDays),
    });
  }
}
