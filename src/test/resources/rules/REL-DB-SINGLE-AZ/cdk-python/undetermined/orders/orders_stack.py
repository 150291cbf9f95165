import aws_cdk.aws_ec2 as ec2
import aws_cdk.aws_rds as rds
from aws_cdk import Stack
from constructs import Construct


# Whether the instance is Multi-AZ is given by the app (app.py), which is not followed.
class OrdersStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, highly_available: bool, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        network = ec2.Vpc(self, "Network", max_azs=2)

        rds.DatabaseInstance(
            self,
            "OrderStore",
            engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_16),
            vpc=network,
            multi_az=highly_available,
        )
