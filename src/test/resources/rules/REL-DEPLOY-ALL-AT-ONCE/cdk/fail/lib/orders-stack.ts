import * as cdk from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as codedeploy from 'aws-cdk-lib/aws-codedeploy';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';

// Checkout is released through CodeDeploy, but all at once; quotes has no deployment group.
export class OrdersStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const checkout = new NodejsFunction(this, 'Checkout', { entry: 'lambda/checkout.ts' });
    const live = new lambda.Alias(this, 'CheckoutLive', {
      aliasName: 'live',
      version: checkout.currentVersion,
    });
    new codedeploy.LambdaDeploymentGroup(this, 'CheckoutDeployment', { // relplan:finding
      alias: live,
      deploymentConfig: codedeploy.LambdaDeploymentConfig.ALL_AT_ONCE, // relplan:evidence
    });
    const quotes = new NodejsFunction(this, 'Quotes', { entry: 'lambda/quotes.ts' }); // relplan:finding
    const api = new apigateway.RestApi(this, 'OrdersApi');
    api.root.addResource('checkout').addMethod('POST', new apigateway.LambdaIntegration(checkout));
    api.root.addResource('quotes').addMethod('GET', new apigateway.LambdaIntegration(quotes));
  }
}
