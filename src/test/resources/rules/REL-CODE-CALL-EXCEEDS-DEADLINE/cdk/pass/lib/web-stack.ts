import * as path from 'path';
import * as cdk from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as ecsPatterns from 'aws-cdk-lib/aws-ecs-patterns';
import { Construct } from 'constructs';

// The storefront is built from ../app behind an ALB whose idle timeout, 180 s, outlasts its
// slowest call.
export class WebStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const cluster = new ecs.Cluster(this, 'Cluster');
    new ecsPatterns.ApplicationLoadBalancedFargateService(this, 'Storefront', {
      cluster,
      desiredCount: 2,
      idleTimeout: cdk.Duration.seconds(180),
      taskImageOptions: {
        image: ecs.ContainerImage.fromAsset(path.join(__dirname, '../app')),
        containerPort: 8080,
      },
    });
  }
}
