import * as cdk from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Construct } from 'constructs';

// The invoice consumer drains a queue with whatever concurrency the account has left.
export class BillingStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const invoices = new sqs.Queue(this, 'Invoices', {
      visibilityTimeout: cdk.Duration.minutes(3),
    });
    const issue = new NodejsFunction(this, 'IssueInvoice', { // relplan:finding
      entry: 'src/issue-invoice.ts',
      timeout: cdk.Duration.seconds(30),
    });
    issue.addEventSource(new SqsEventSource(invoices, { batchSize: 10 }));
  }
}
