import * as cdk from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';

// Neither API limits its stage: the REST API deploys its default prod stage without method
// throttling, and the HTTP API's $default stage has none either.
export class OrdersApiStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const handler = new NodejsFunction(this, 'Orders', { entry: 'lambda/orders.ts' });
    const api = new apigateway.RestApi(this, 'OrdersApi'); // relplan:finding
    api.root.addResource('orders').addMethod('POST', new apigateway.LambdaIntegration(handler));

    new apigwv2.HttpApi(this, 'QuotesApi', { // relplan:finding
      defaultIntegration: new HttpLambdaIntegration('Quotes', handler),
    });
  }
}
