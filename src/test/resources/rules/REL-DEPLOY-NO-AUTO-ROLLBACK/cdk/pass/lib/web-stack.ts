import * as cdk from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as ecsPatterns from 'aws-cdk-lib/aws-ecs-patterns';
import { Construct } from 'constructs';

// A failing release is stopped and rolled back to the last good task definition.
export class WebStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const cluster = new ecs.Cluster(this, 'Cluster');
    new ecsPatterns.ApplicationLoadBalancedFargateService(this, 'Storefront', {
      cluster,
      desiredCount: 2,
      circuitBreaker: { rollback: true },
      taskImageOptions: { image: ecs.ContainerImage.fromRegistry('nginx') },
    });
  }
}
