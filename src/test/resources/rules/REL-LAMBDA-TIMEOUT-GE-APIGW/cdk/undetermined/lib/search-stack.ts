import * as cdk from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';

export interface SearchStackProps extends cdk.StackProps {
  readonly searchTimeout: cdk.Duration;
}

// The function's timeout is given by the app (bin/), which is not followed.
export class SearchStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props: SearchStackProps) {
    super(scope, id, props);
    const search = new NodejsFunction(this, 'Search', {
      entry: 'lambda/search.ts',
      timeout: props.searchTimeout,
    });
    const api = new apigateway.RestApi(this, 'SearchApi');
    api.root.addResource('items').addMethod('GET', new apigateway.LambdaIntegration(search));
  }
}
