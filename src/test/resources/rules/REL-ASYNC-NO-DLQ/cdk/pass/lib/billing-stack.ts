import * as cdk from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

// Messages that keep failing move to a dead-letter queue; events EventBridge cannot deliver too.
export class BillingStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const failed = new sqs.Queue(this, 'FailedInvoices', {
      retentionPeriod: cdk.Duration.days(14),
    });
    const invoices = new sqs.Queue(this, 'Invoices', {
      deadLetterQueue: { queue: failed, maxReceiveCount: 5 },
    });
    new events.Rule(this, 'InvoiceIssued', {
      eventPattern: { source: ['billing'] },
      targets: [new targets.SqsQueue(invoices, { deadLetterQueue: failed, retryAttempts: 3 })],
    });
  }
}
