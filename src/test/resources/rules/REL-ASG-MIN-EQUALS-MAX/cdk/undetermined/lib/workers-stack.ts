import * as cdk from 'aws-cdk-lib';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';

export interface WorkersStackProps extends cdk.StackProps {
  readonly maxInstances: number;
}

// The fleet's maximum is given by the app (bin/), which is not followed.
export class WorkersStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props: WorkersStackProps) {
    super(scope, id, props);
    const vpc = new ec2.Vpc(this, 'Network', { maxAzs: 2 });
    const render = new autoscaling.AutoScalingGroup(this, 'RenderFleet', {
      vpc,
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.C7G, ec2.InstanceSize.LARGE),
      machineImage: ec2.MachineImage.latestAmazonLinux2023(),
      minCapacity: 2,
      maxCapacity: props.maxInstances,
    });
    render.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });
  }
}
