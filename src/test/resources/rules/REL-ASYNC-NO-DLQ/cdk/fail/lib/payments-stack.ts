import * as cdk from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { DynamoEventSource, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Construct } from 'constructs';

// Payment events wait in a queue without a dead-letter queue, and the ledger's change stream is
// read with no place for records that keep failing.
export class PaymentsStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    const events = new sqs.Queue(this, 'PaymentEvents', { // relplan:finding
      visibilityTimeout: cdk.Duration.seconds(60),
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
    project.addEventSource( // relplan:finding
      new DynamoEventSource(ledger, {
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        retryAttempts: 3, // relplan:evidence
      }),
    );
  }
}
