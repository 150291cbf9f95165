import * as cdk from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Construct } from 'constructs';

// The export queue keeps the construct's 30-second visibility timeout while its consumer may
// run for two minutes: a message still being processed is delivered again.
export class ExportsStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const exportsDlq = new sqs.Queue(this, 'ExportsDlq');
    const requests = new sqs.Queue(this, 'ExportRequests', { // relplan:finding
      deadLetterQueue: { queue: exportsDlq, maxReceiveCount: 3 },
    });
    const exporter = new lambda.Function(this, 'Exporter', {
      runtime: lambda.Runtime.PYTHON_3_12,
      handler: 'exporter.handler',
      code: lambda.Code.fromAsset('functions'),
      timeout: cdk.Duration.minutes(2), // relplan:evidence
    });
    exporter.addEventSource(new SqsEventSource(requests));
  }
}
