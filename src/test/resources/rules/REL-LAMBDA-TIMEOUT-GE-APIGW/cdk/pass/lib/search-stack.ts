import * as cdk from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';

// Both functions give up well before the API in front of them: the REST proxy waits 29 s by
// default, the HTTP route 29 s as well.
export class SearchStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const search = new NodejsFunction(this, 'Search', {
      entry: 'lambda/search.ts',
      timeout: cdk.Duration.seconds(10),
    });
    new apigateway.LambdaRestApi(this, 'SearchApi', { handler: search });

    const exporter = new NodejsFunction(this, 'Export', { entry: 'lambda/export.ts' });
    new apigwv2.HttpApi(this, 'ExportApi', {
      defaultIntegration: new HttpLambdaIntegration('ExportIntegration', exporter),
    });
  }
}
