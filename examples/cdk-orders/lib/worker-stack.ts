import * as cdk from 'aws-cdk-lib';
import { Construct } from 'constructs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';

export interface WorkerStackProps extends cdk.StackProps {
  stage: string;
  ordersTable: dynamodb.Table;
}

/** Payment confirmations arrive on a queue and mark orders paid. */
export class WorkerStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props: WorkerStackProps) {
    super(scope, id, props);

    // No deadLetterQueue: a message that keeps failing is retried until its retention ends.
    const payments = new sqs.Queue(this, 'PaymentEvents', {
      visibilityTimeout: cdk.Duration.seconds(60),
    });

    const markPaid = new NodejsFunction(this, 'MarkPaid', {
      entry: 'lambda/mark-paid.ts',
      timeout: cdk.Duration.seconds(30),
      environment: { TABLE_NAME: props.ordersTable.tableName },
    });
    props.ordersTable.grantReadWriteData(markPaid);

    markPaid.addEventSource(new SqsEventSource(payments, { batchSize: 10 }));
  }
}
