import * as cdk from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Construct } from 'constructs';

export interface BillingStackProps extends cdk.StackProps {
  readonly invoiceConcurrency: number;
}

// The consumer's reserved concurrency is given by the app (bin/), which is not followed.
export class BillingStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props: BillingStackProps) {
    super(scope, id, props);
    const invoices = new sqs.Queue(this, 'Invoices', {
      visibilityTimeout: cdk.Duration.minutes(3),
    });
    const issue = new NodejsFunction(this, 'IssueInvoice', {
      entry: 'src/issue-invoice.ts',
      timeout: cdk.Duration.seconds(30),
      reservedConcurrentExecutions: props.invoiceConcurrency,
    });
    issue.addEventSource(new SqsEventSource(invoices, { batchSize: 10 }));
  }
}
