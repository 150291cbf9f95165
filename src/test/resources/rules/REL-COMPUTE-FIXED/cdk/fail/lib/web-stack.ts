import * as cdk from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as ecsPatterns from 'aws-cdk-lib/aws-ecs-patterns';
import { Construct } from 'constructs';

// Two tasks, and nothing adds a third when traffic grows.
export class WebStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const cluster = new ecs.Cluster(this, 'Cluster');
    new ecsPatterns.ApplicationLoadBalancedFargateService(this, 'Storefront', { // relplan:finding
      cluster,
      desiredCount: 2, // relplan:evidence
      taskImageOptions: { image: ecs.ContainerImage.fromRegistry('nginx') },
    });
  }
}
