import * as cdk from 'aws-cdk-lib';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';

// The render fleet keeps the construct's capacity (one instance, no room to grow); the batch
// fleet is pinned at four.
export class WorkersStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const vpc = new ec2.Vpc(this, 'Network', { maxAzs: 2 });
    new autoscaling.AutoScalingGroup(this, 'RenderFleet', { // relplan:finding
      vpc,
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.C7G, ec2.InstanceSize.LARGE),
      machineImage: ec2.MachineImage.latestAmazonLinux2023(),
    });
    new autoscaling.AutoScalingGroup(this, 'BatchFleet', { // relplan:finding
      vpc,
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.M7G, ec2.InstanceSize.LARGE),
      machineImage: ec2.MachineImage.latestAmazonLinux2023(),
      minCapacity: 4, // relplan:evidence
      maxCapacity: 4, // relplan:evidence
    });
  }
}
