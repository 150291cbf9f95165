import * as cdk from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface BillingStackProps extends cdk.StackProps {
  readonly failedInvoices: sqs.IQueue;
}

// The dead-letter queue is given by the app (bin/), which is not followed.
export class BillingStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props: BillingStackProps) {
    super(scope, id, props);
    new sqs.Queue(this, 'Invoices', {
      deadLetterQueue: props.failedInvoices
        ? { queue: props.failedInvoices, maxReceiveCount: 5 }
        : undefined,
    });
  }
}
