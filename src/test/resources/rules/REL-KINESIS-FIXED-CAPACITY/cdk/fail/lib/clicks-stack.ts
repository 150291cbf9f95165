import * as cdk from 'aws-cdk-lib';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import { Construct } from 'constructs';

// Both streams are provisioned: one keeps the construct's single shard, one fixes four.
export class ClicksStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    new kinesis.Stream(this, 'Clicks'); // relplan:finding
    new kinesis.Stream(this, 'Audit', { shardCount: 4 }); // relplan:finding
  }
}
