import * as cdk from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';

export interface LedgerStackProps extends cdk.StackProps {
  readonly removalPolicy: cdk.RemovalPolicy;
}

// The removal policy is given by the app (bin/), which is not followed.
export class LedgerStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props: LedgerStackProps) {
    super(scope, id, props);
    new dynamodb.Table(this, 'Entries', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      removalPolicy: props.removalPolicy,
    });
  }
}
