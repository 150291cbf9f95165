import * as cdk from 'aws-cdk-lib';
import { aws_elasticache as elasticache } from 'aws-cdk-lib';
import { Construct } from 'constructs';

// A primary and a replica in another zone, promoted automatically.
export class CacheStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    new elasticache.CfnReplicationGroup(this, 'CartCache', {
      replicationGroupDescription: 'cart cache',
      engine: 'redis',
      cacheNodeType: 'cache.r6g.large',
      numCacheClusters: 2,
      automaticFailoverEnabled: true,
      multiAzEnabled: true,
    });
  }
}
