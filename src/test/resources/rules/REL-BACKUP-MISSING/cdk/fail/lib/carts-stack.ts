import * as cdk from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

// The carts table keeps the construct's default (no point-in-time recovery); the orders table
// turns it off through a shared settings object. No AWS Backup plan selects either.
export class CartsStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    new dynamodb.Table(this, 'Carts', { // relplan:finding
      partitionKey: { name: 'cartId', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    });

    const recovery = { enabled: false }; // relplan:evidence
    new dynamodb.TableV2(this, 'Orders', { // relplan:finding
      partitionKey: { name: 'orderId', type: dynamodb.AttributeType.STRING },
      pointInTimeRecovery: recovery.enabled, // relplan:evidence
    });

    // Receipts are kept (the bucket is retained on removal) but not versioned: an overwrite or a
    // delete cannot be undone.
    new s3.Bucket(this, 'Receipts', { // relplan:finding
      removalPolicy: cdk.RemovalPolicy.RETAIN,
    });
  }
}
