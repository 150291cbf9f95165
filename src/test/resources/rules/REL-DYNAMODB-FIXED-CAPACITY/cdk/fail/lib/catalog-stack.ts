import * as cdk from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';

// The product table keeps the construct's default billing (provisioned, 5 units each way) and
// the price table sets 50 write units; neither scales.
export class CatalogStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    new dynamodb.Table(this, 'Products', { // relplan:finding
      partitionKey: { name: 'sku', type: dynamodb.AttributeType.STRING },
    });

    new dynamodb.Table(this, 'Prices', { // relplan:finding
      partitionKey: { name: 'sku', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PROVISIONED, // relplan:evidence
      readCapacity: 20,
      writeCapacity: 50,
    });
  }
}
