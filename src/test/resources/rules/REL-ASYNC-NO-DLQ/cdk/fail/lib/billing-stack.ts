import * as cdk from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

// Invoices arrive from EventBridge on a queue that has no dead-letter queue, and the rule's
// target has none either: an event EventBridge cannot deliver is dropped after its retries.
export class BillingStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const invoices = new sqs.Queue(this, 'Invoices', { // relplan:finding
      visibilityTimeout: cdk.Duration.seconds(60),
    });
    const issued = new events.Rule(this, 'InvoiceIssued', { // relplan:finding
      eventPattern: { source: ['billing'], detailType: ['InvoiceIssued'] },
    });
    issued.addTarget(new targets.SqsQueue(invoices, { retryAttempts: 3 })); // relplan:evidence
  }
}
