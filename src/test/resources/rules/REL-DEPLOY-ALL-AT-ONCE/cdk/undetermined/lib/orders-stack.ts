import * as cdk from 'aws-cdk-lib';
import * as codedeploy from 'aws-cdk-lib/aws-codedeploy';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';

// The deployment configuration is a context value given when the app is synthesised.
export class OrdersStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const checkout = new NodejsFunction(this, 'Checkout', { entry: 'lambda/checkout.ts' });
    new codedeploy.LambdaDeploymentGroup(this, 'CheckoutDeployment', {
      alias: new lambda.Alias(this, 'Live', { aliasName: 'live', version: checkout.currentVersion }),
      deploymentConfig: this.node.tryGetContext('deploymentConfig'),
    });
  }
}
