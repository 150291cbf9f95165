import * as cdk from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as ecsPatterns from 'aws-cdk-lib/aws-ecs-patterns';
import { Construct } from 'constructs';

// The storefront keeps the construct's default (no circuit breaker); the worker's circuit
// breaker stops a failing release but does not roll it back.
export class WebStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const cluster = new ecs.Cluster(this, 'Cluster');
    new ecsPatterns.ApplicationLoadBalancedFargateService(this, 'Storefront', { // relplan:finding
      cluster,
      desiredCount: 2,
      taskImageOptions: { image: ecs.ContainerImage.fromRegistry('nginx') },
    });
    const task = new ecs.FargateTaskDefinition(this, 'WorkerTask');
    new ecs.FargateService(this, 'Worker', { // relplan:finding
      cluster,
      taskDefinition: task,
      circuitBreaker: { enable: true }, // relplan:evidence
    });
  }
}
