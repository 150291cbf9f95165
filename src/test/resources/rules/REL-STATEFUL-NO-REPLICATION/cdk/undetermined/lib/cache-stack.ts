import * as cdk from 'aws-cdk-lib';
import * as elasticache from 'aws-cdk-lib/aws-elasticache';
import { Construct } from 'constructs';

// How many nodes the group has is a context value given when the app is synthesised.
export class CacheStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    new elasticache.CfnReplicationGroup(this, 'CartCache', {
      replicationGroupDescription: 'cart cache',
      cacheNodeType: 'cache.r6g.large',
      numCacheClusters: this.node.tryGetContext('cartCacheNodes'),
      automaticFailoverEnabled: true,
      multiAzEnabled: true,
    });
  }
}
