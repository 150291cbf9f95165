from aws_cdk import Duration, Stack
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_rds as rds
from constructs import Construct

# The order store keeps the construct's default placement; the ledger turns Multi-AZ off
# through a settings dictionary.
LEDGER_SETTINGS = {"multi_az": False}  # relplan:evidence


class OrdersStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        network = ec2.Vpc(self, "Network", max_azs=2)

        rds.DatabaseInstance(  # relplan:finding
            self,
            "OrderStore",
            engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_16),
            vpc=network,
            backup_retention=Duration.days(7),
        )

        rds.DatabaseInstance(  # relplan:finding
            self,
            "Ledger",
            engine=rds.DatabaseInstanceEngine.mysql(version=rds.MysqlEngineVersion.VER_8_0),
            vpc=network,
            multi_az=LEDGER_SETTINGS["multi_az"],  # relplan:evidence
        )
