import * as cdk from 'aws-cdk-lib';
import { aws_ec2 as ec2, aws_rds as rds } from 'aws-cdk-lib';
import { Construct } from 'constructs';

export interface OrdersStackProps extends cdk.StackProps {
  readonly stage: string;
}

// Multi-AZ is set outright on one instance and follows the stage on the other: a production
// deployment (stage 'prod') makes it Multi-AZ.
export class OrdersStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props: OrdersStackProps) {
    super(scope, id, props);
    const network = new ec2.Vpc(this, 'Network', { maxAzs: 2 });
    const isProd = props.stage === 'prod';

    new rds.DatabaseInstance(this, 'OrderStore', {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
      vpc: network,
      multiAz: true,
    });

    new rds.DatabaseInstance(this, 'Ledger', {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
      vpc: network,
      multiAz: isProd ? true : false,
    });

    // A writer and a reader; and a cluster left to the construct's two instances.
    new rds.DatabaseCluster(this, 'Reporting', {
      engine: rds.DatabaseClusterEngine.auroraPostgres({
        version: rds.AuroraPostgresEngineVersion.VER_16_1,
      }),
      writer: rds.ClusterInstance.provisioned('writer'),
      readers: [rds.ClusterInstance.serverlessV2('reader')],
      vpc: network,
    });
    new rds.DatabaseCluster(this, 'Archive', {
      engine: rds.DatabaseClusterEngine.auroraMysql({
        version: rds.AuroraMysqlEngineVersion.VER_3_05_2,
      }),
      instanceProps: { vpc: network },
    });
  }
}
