import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';

// How many NAT gateways the VPC gets is a context value given when the app is synthesised.
export class NetworkStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    new ec2.Vpc(this, 'Network', {
      maxAzs: 2,
      natGateways: this.node.tryGetContext('natGateways'),
    });
  }
}
