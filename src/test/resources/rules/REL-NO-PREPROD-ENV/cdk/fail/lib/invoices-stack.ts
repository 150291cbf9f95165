import * as cdk from 'aws-cdk-lib';
import { Construct } from 'constructs';
import * as sqs from 'aws-cdk-lib/aws-sqs';

export interface InvoicesStackProps extends cdk.StackProps {
  stage: string;
}

/** Invoices waiting to be issued. */
export class InvoicesStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props: InvoicesStackProps) {
    super(scope, id, props);
    const dlq = new sqs.Queue(this, 'PendingDlq');
    new sqs.Queue(this, 'Pending', {
      deadLetterQueue: { queue: dlq, maxReceiveCount: 5 },
    });
  }
}
