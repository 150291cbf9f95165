import * as cdk from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

// The errors alarm pages the on-call topic.
export class ReportsStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const onCall = new sns.Topic(this, 'OnCall');
    const render = new lambda.Function(this, 'RenderReport', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'render.handler',
      code: lambda.Code.fromAsset('src'),
    });
    const errors = new cloudwatch.Alarm(this, 'RenderErrors', {
      metric: render.metricErrors(),
      threshold: 1,
      evaluationPeriods: 1,
    });
    errors.addAlarmAction(new actions.SnsAction(onCall));
  }
}
