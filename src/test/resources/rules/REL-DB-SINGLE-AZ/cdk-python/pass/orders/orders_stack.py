import aws_cdk as cdk
from aws_cdk import aws_ec2 as ec2, aws_rds as rds
from constructs import Construct


# Multi-AZ is set outright on one instance and follows the stage on the other: a production
# deployment (stage "prod") makes it Multi-AZ.
class OrdersStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, *, stage: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        network = ec2.Vpc(self, "Network", max_azs=2)
        is_prod = stage == "prod"

        rds.DatabaseInstance(
            self,
            "OrderStore",
            engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_16),
            vpc=network,
            multi_az=True,
        )

        rds.DatabaseInstance(
            self,
            "Ledger",
            engine=rds.DatabaseInstanceEngine.POSTGRES,
            vpc=network,
            multi_az=True if is_prod else False,
        )
