import { Stack, Duration, aws_lambda as lambda, aws_rds as rds, aws_ec2 as ec2 } from 'aws-cdk-lib';

const common = { runtime: lambda.Runtime.PYTHON_3_12, timeout: Duration.minutes(1) };

function makeFn(stack: Stack, name: string, extra = {}) {
  return new lambda.Function(stack, name, { ...common, ...extra, handler: `${name}.handler`, code: lambda.Code.fromAsset(name) });
}

export class DataStack extends Stack {
  constructor(scope: any, id: string) {
    super(scope, id);
    const vpc = new ec2.Vpc(this, 'Vpc', { maxAzs: 2 });
    new rds.DatabaseInstance(this, 'Db', {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
      vpc,
      multiAz: true,
      backupRetention: Duration.days(7),
      deletionProtection: true,
    });
    makeFn(this, 'report', { memorySize: 512 });
  }
}
