import * as cdk from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';

export interface OrdersStackProps extends cdk.StackProps {
  readonly replicas: dynamodb.ReplicaTableProps[];
}

// The replicas are given by the app (bin/), which is not followed.
export class OrdersStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props: OrdersStackProps) {
    super(scope, id, props);
    new dynamodb.TableV2(this, 'Orders', {
      partitionKey: { name: 'orderId', type: dynamodb.AttributeType.STRING },
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      replicas: props.replicas,
    });
  }
}
