import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';

// The accounts database keeps the construct's one day of automated backups; the audit database
// keeps three.
export class AccountsStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const vpc = new ec2.Vpc(this, 'Network', { maxAzs: 2 });
    new rds.DatabaseInstance(this, 'Accounts', { // relplan:finding
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
      vpc,
      multiAz: true,
    });
    new rds.DatabaseInstance(this, 'Audit', { // relplan:finding
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
      vpc,
      multiAz: true,
      backupRetention: cdk.Duration.days(3), // relplan:evidence
    });
  }
}
