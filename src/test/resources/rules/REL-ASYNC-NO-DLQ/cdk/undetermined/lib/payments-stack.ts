import * as cdk from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface PaymentsStackProps extends cdk.StackProps {
  readonly deadLetters: sqs.DeadLetterQueue;
}

// The dead-letter queue is handed in by the app (bin/), which is not followed.
export class PaymentsStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props: PaymentsStackProps) {
    super(scope, id, props);

    new sqs.Queue(this, 'PaymentEvents', {
      visibilityTimeout: cdk.Duration.seconds(60),
      deadLetterQueue: props.deadLetters,
    });
  }
}
