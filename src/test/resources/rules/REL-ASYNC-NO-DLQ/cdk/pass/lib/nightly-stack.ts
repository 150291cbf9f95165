import * as cdk from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

// The nightly reconciliation keeps the events it fails on in a queue of their own.
export class NightlyStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const missed = new sqs.Queue(this, 'MissedReconciliations', {
      retentionPeriod: cdk.Duration.days(14),
    });
    const reconcile = new lambda.Function(this, 'Reconcile', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'reconcile.handler',
      code: lambda.Code.fromAsset('src'),
      onFailure: new destinations.SqsDestination(missed),
    });
    const nightly = new events.Rule(this, 'Nightly', {
      schedule: events.Schedule.cron({ hour: '2', minute: '0' }),
    });
    nightly.addTarget(new targets.LambdaFunction(reconcile));
  }
}
