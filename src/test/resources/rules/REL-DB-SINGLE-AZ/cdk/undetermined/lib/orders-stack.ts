import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';

export interface OrdersStackProps extends cdk.StackProps {
  readonly highlyAvailable: boolean;
}

// Whether the instance is Multi-AZ is given by the app (bin/), which is not followed.
export class OrdersStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props: OrdersStackProps) {
    super(scope, id, props);
    const network = new ec2.Vpc(this, 'Network', { maxAzs: 2 });

    new rds.DatabaseInstance(this, 'OrderStore', {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
      vpc: network,
      multiAz: props.highlyAvailable,
    });
  }
}
