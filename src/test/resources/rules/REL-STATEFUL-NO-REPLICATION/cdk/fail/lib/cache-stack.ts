import * as cdk from 'aws-cdk-lib';
import * as elasticache from 'aws-cdk-lib/aws-elasticache';
import { Construct } from 'constructs';

// The L1 construct keeps CloudFormation's defaults: two nodes, but automatic failover is off
// unless automaticFailoverEnabled is set; the session cache has a single node.
export class CacheStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    new elasticache.CfnReplicationGroup(this, 'CartCache', { // relplan:finding
      replicationGroupDescription: 'cart cache',
      engine: 'redis',
      cacheNodeType: 'cache.r6g.large',
      numCacheClusters: 2,
    });
    new elasticache.CfnReplicationGroup(this, 'SessionCache', { // relplan:finding
      replicationGroupDescription: 'sessions',
      cacheNodeType: 'cache.t4g.medium',
    });
  }
}
