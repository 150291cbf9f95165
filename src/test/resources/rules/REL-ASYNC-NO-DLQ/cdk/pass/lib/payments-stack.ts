import * as cdk from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import {
  DynamoEventSource,
  SqsDlq,
  SqsEventSource,
} from 'aws-cdk-lib/aws-lambda-event-sources';
import { Construct } from 'constructs';

// Failed payment events move to a dead-letter queue after five receives, and ledger records that
// keep failing are sent to an on-failure queue.
export class PaymentsStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    const failed = new sqs.Queue(this, 'FailedPayments', {
      retentionPeriod: cdk.Duration.days(14),
    });
    const events = new sqs.Queue(this, 'PaymentEvents', {
      visibilityTimeout: cdk.Duration.seconds(60),
      deadLetterQueue: { queue: failed, maxReceiveCount: 5 },
    });
    const ledger = new dynamodb.Table(this, 'Ledger', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      stream: dynamodb.StreamViewType.NEW_IMAGE,
    });

    const settle = new lambda.Function(this, 'Settle', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'settle.handler',
      code: lambda.Code.fromAsset('src'),
      timeout: cdk.Duration.seconds(20),
    });
    settle.addEventSource(new SqsEventSource(events, { batchSize: 5 }));

    const project = new lambda.Function(this, 'ProjectLedger', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'project.handler',
      code: lambda.Code.fromAsset('src'),
    });
    project.addEventSource(
      new DynamoEventSource(ledger, {
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        retryAttempts: 3,
        bisectBatchOnError: true,
        onFailure: new SqsDlq(failed),
      }),
    );
  }
}
