import * as cdk from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as ecsPatterns from 'aws-cdk-lib/aws-ecs-patterns';
import { Construct } from 'constructs';

// Whether failed releases roll back is a context value given when the app is synthesised.
export class WebStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const cluster = new ecs.Cluster(this, 'Cluster');
    new ecsPatterns.ApplicationLoadBalancedFargateService(this, 'Storefront', {
      cluster,
      circuitBreaker: { rollback: this.node.tryGetContext('rollback') },
      taskImageOptions: { image: ecs.ContainerImage.fromRegistry('nginx') },
    });
  }
}
