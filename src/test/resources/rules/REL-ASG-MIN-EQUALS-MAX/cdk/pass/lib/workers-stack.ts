import * as cdk from 'aws-cdk-lib';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';

// The render fleet runs two to eight instances and follows CPU.
export class WorkersStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const vpc = new ec2.Vpc(this, 'Network', { maxAzs: 2 });
    const render = new autoscaling.AutoScalingGroup(this, 'RenderFleet', {
      vpc,
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.C7G, ec2.InstanceSize.LARGE),
      machineImage: ec2.MachineImage.latestAmazonLinux2023(),
      minCapacity: 2,
      maxCapacity: 8,
    });
    render.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });
  }
}
