import * as cdk from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';

// One table bills on demand; one is provisioned and scales both dimensions; the global table is
// provisioned, and TableV2 always scales provisioned writes.
export class CatalogStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    new dynamodb.Table(this, 'Products', {
      partitionKey: { name: 'sku', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    });

    const prices = new dynamodb.Table(this, 'Prices', {
      partitionKey: { name: 'sku', type: dynamodb.AttributeType.STRING },
      readCapacity: 20,
      writeCapacity: 50,
    });
    prices.autoScaleReadCapacity({ minCapacity: 20, maxCapacity: 400 }).scaleOnUtilization({
      targetUtilizationPercent: 70,
    });
    prices.autoScaleWriteCapacity({ minCapacity: 50, maxCapacity: 1000 }).scaleOnUtilization({
      targetUtilizationPercent: 70,
    });

    new dynamodb.TableV2(this, 'Stock', {
      partitionKey: { name: 'sku', type: dynamodb.AttributeType.STRING },
      billing: dynamodb.Billing.provisioned({
        readCapacity: dynamodb.Capacity.fixed(10),
        writeCapacity: dynamodb.Capacity.autoscaled({ maxCapacity: 100 }),
      }),
    });
  }
}
