import * as cdk from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';

// Both stores were given RemovalPolicy.DESTROY, convenient in a sandbox: removing or replacing
// them deletes the data.
export class LedgerStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const vpc = new ec2.Vpc(this, 'Network', { maxAzs: 2 });
    new rds.DatabaseInstance(this, 'Ledger', { // relplan:finding
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
      vpc,
      multiAz: true,
      backupRetention: cdk.Duration.days(14),
      removalPolicy: cdk.RemovalPolicy.DESTROY, // relplan:evidence
    });
    new dynamodb.Table(this, 'Entries', { // relplan:finding
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      removalPolicy: cdk.RemovalPolicy.DESTROY, // relplan:evidence
    });
  }
}
