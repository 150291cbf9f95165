import * as path from 'path';
import * as cdk from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as ecsPatterns from 'aws-cdk-lib/aws-ecs-patterns';
import { Construct } from 'constructs';

// The storefront's container is built from ../app and sits behind an ALB left at its 60 s idle
// timeout.
export class WebStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const cluster = new ecs.Cluster(this, 'Cluster');
    new ecsPatterns.ApplicationLoadBalancedFargateService(this, 'Storefront', { // relplan:evidence
      cluster,
      desiredCount: 2,
      taskImageOptions: {
        image: ecs.ContainerImage.fromAsset(path.join(__dirname, '../app')),
        containerPort: 8080,
      },
    });
  }
}
