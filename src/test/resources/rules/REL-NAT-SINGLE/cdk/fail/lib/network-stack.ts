import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';

// Three zones share one NAT gateway to save cost: the private subnets of zones 2 and 3 lose
// their egress when zone 1 fails.
export class NetworkStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    new ec2.Vpc(this, 'Network', { // relplan:finding
      maxAzs: 3,
      natGateways: 1, // relplan:evidence
    });
  }
}
