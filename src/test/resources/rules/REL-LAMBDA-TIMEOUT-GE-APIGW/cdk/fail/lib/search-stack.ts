import * as cdk from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';

// Search may run 30 s behind a REST method that gives up after the integration's default 29 s;
// export runs 60 s behind an HTTP route whose integration waits 20 s.
export class SearchStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const search = new NodejsFunction(this, 'Search', { // relplan:finding
      entry: 'lambda/search.ts',
      timeout: cdk.Duration.seconds(30), // relplan:evidence
    });
    const api = new apigateway.RestApi(this, 'SearchApi', {
      deployOptions: { throttlingRateLimit: 100, throttlingBurstLimit: 200 },
    });
    const items = api.root.addResource('items');
    items.addMethod('GET', new apigateway.LambdaIntegration(search)); // relplan:evidence

    const exporter = new lambda.Function(this, 'Export', { // relplan:finding
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'export.handler',
      code: lambda.Code.fromAsset('lambda'),
      timeout: cdk.Duration.minutes(1), // relplan:evidence
    });
    const httpApi = new apigwv2.HttpApi(this, 'ExportApi');
    httpApi.addRoutes({ // relplan:evidence
      path: '/export',
      methods: [apigwv2.HttpMethod.POST],
      integration: new HttpLambdaIntegration('ExportIntegration', exporter, {
        timeout: cdk.Duration.seconds(20),
      }),
    });
  }
}
