import * as cdk from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';

export interface CatalogStackProps extends cdk.StackProps {
  readonly billingMode: dynamodb.BillingMode;
}

// The billing mode is given by the app (bin/), which is not followed.
export class CatalogStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props: CatalogStackProps) {
    super(scope, id, props);

    new dynamodb.Table(this, 'Products', {
      partitionKey: { name: 'sku', type: dynamodb.AttributeType.STRING },
      billingMode: props.billingMode,
    });
  }
}
