import * as cdk from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Construct } from 'constructs';

// The export queue hides a message for six times the consumer's timeout.
export class ExportsStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const exportsDlq = new sqs.Queue(this, 'ExportsDlq');
    const requests = new sqs.Queue(this, 'ExportRequests', {
      visibilityTimeout: cdk.Duration.minutes(12),
      deadLetterQueue: { queue: exportsDlq, maxReceiveCount: 3 },
    });
    const exporter = new lambda.Function(this, 'Exporter', {
      runtime: lambda.Runtime.PYTHON_3_12,
      handler: 'exporter.handler',
      code: lambda.Code.fromAsset('functions'),
      timeout: cdk.Duration.minutes(2),
    });
    exporter.addEventSource(new SqsEventSource(requests));
  }
}
