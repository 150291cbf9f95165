import * as cdk from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';

// The rate limit is a context value given when the app is synthesised.
export class OrdersApiStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const handler = new NodejsFunction(this, 'Orders', { entry: 'lambda/orders.ts' });
    new apigateway.LambdaRestApi(this, 'OrdersApi', {
      handler,
      deployOptions: { throttlingRateLimit: this.node.tryGetContext('ordersRateLimit') },
    });
  }
}
