import * as cdk from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

// The errors alarm is created and not kept: no action can be added to it, so it changes state
// without telling anyone.
export class ReportsStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const render = new lambda.Function(this, 'RenderReport', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'render.handler',
      code: lambda.Code.fromAsset('src'),
    });
    new cloudwatch.Alarm(this, 'RenderErrors', { // relplan:finding
      metric: render.metricErrors(),
      threshold: 1,
      evaluationPeriods: 1,
    });
  }
}
