import * as cdk from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as ecsPatterns from 'aws-cdk-lib/aws-ecs-patterns';
import { Construct } from 'constructs';

// The task count follows CPU between 2 and 10.
export class WebStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const cluster = new ecs.Cluster(this, 'Cluster');
    const web = new ecsPatterns.ApplicationLoadBalancedFargateService(this, 'Storefront', {
      cluster,
      desiredCount: 2,
      taskImageOptions: { image: ecs.ContainerImage.fromRegistry('nginx') },
    });
    const scaling = web.service.autoScaleTaskCount({ minCapacity: 2, maxCapacity: 10 });
    scaling.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });
  }
}
