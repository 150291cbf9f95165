import * as cdk from 'aws-cdk-lib';
import { Construct } from 'constructs';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';

export interface ApiStackProps extends cdk.StackProps {
  stage: string;
  ordersTable: dynamodb.Table;
}

/** The public order API: one function behind a REST API. */
export class ApiStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const isProd = props.stage === 'prod';

    const createOrder = new NodejsFunction(this, 'CreateOrder', {
      entry: 'lambda/create-order.ts',
      timeout: cdk.Duration.seconds(10),
      reservedConcurrentExecutions: isProd ? 20 : 2,
      environment: { TABLE_NAME: props.ordersTable.tableName },
    });
    props.ordersTable.grantWriteData(createOrder);

    const api = new apigateway.RestApi(this, 'OrdersApi');
    api.root.addResource('orders').addMethod('POST', new apigateway.LambdaIntegration(createOrder));
  }
}
