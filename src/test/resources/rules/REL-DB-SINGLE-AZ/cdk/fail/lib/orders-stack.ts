import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';

// The order store keeps the construct's default placement; the ledger turns Multi-AZ off
// through a settings object.
export class OrdersStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const network = new ec2.Vpc(this, 'Network', { maxAzs: 2 });

    new rds.DatabaseInstance(this, 'OrderStore', { // relplan:finding
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
      vpc: network,
      backupRetention: cdk.Duration.days(7),
    });

    const ledgerSettings = { multiAz: false }; // relplan:evidence
    new rds.DatabaseInstance(this, 'Ledger', { // relplan:finding
      engine: rds.DatabaseInstanceEngine.mysql({ version: rds.MysqlEngineVersion.VER_8_0 }),
      vpc: network,
      multiAz: ledgerSettings.multiAz, // relplan:evidence
    });

    // An Aurora cluster with a writer and no reader: nothing to fail over to.
    new rds.DatabaseCluster(this, 'Reporting', { // relplan:finding
      engine: rds.DatabaseClusterEngine.auroraPostgres({
        version: rds.AuroraPostgresEngineVersion.VER_16_1,
      }),
      writer: rds.ClusterInstance.provisioned('writer'), // relplan:evidence
      vpc: network,
    });
  }
}
