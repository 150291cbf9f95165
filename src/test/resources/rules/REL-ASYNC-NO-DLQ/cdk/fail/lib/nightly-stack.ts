import * as cdk from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

// The nightly reconciliation has nowhere to keep the events it fails on.
export class NightlyStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const reconcile = new lambda.Function(this, 'Reconcile', { // relplan:finding
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'reconcile.handler',
      code: lambda.Code.fromAsset('src'),
    });
    const nightly = new events.Rule(this, 'Nightly', {
      schedule: events.Schedule.cron({ hour: '2', minute: '0' }),
    });
    nightly.addTarget(new targets.LambdaFunction(reconcile));
  }
}
