import * as cdk from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as codedeploy from 'aws-cdk-lib/aws-codedeploy';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';

// The group takes the construct's default: 10% of traffic first, the rest after 5 minutes.
export class OrdersStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const checkout = new NodejsFunction(this, 'Checkout', { entry: 'lambda/checkout.ts' });
    new codedeploy.LambdaDeploymentGroup(this, 'CheckoutDeployment', {
      alias: checkout.addAlias('live'),
    });
    new apigateway.LambdaRestApi(this, 'OrdersApi', { handler: checkout });
  }
}
