import * as cdk from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Construct } from 'constructs';

export interface ExportsStackProps extends cdk.StackProps {
  readonly exportTimeout: cdk.Duration;
}

// The consumer's timeout is given by the app (bin/), which is not followed.
export class ExportsStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props: ExportsStackProps) {
    super(scope, id, props);
    const exportsDlq = new sqs.Queue(this, 'ExportsDlq');
    const requests = new sqs.Queue(this, 'ExportRequests', {
      deadLetterQueue: { queue: exportsDlq, maxReceiveCount: 3 },
    });
    const exporter = new lambda.Function(this, 'Exporter', {
      runtime: lambda.Runtime.PYTHON_3_12,
      handler: 'exporter.handler',
      code: lambda.Code.fromAsset('functions'),
      timeout: props.exportTimeout,
    });
    exporter.addEventSource(new SqsEventSource(requests));
  }
}
