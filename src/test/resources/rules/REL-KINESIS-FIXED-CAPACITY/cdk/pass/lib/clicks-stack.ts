import * as cdk from 'aws-cdk-lib';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import { Construct } from 'constructs';

// On-demand capacity grows with the writes.
export class ClicksStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    new kinesis.Stream(this, 'Clicks', { streamMode: kinesis.StreamMode.ON_DEMAND });
  }
}
