from aws_cdk import Duration, RemovalPolicy, Stack
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_rds as rds
from constructs import Construct


class DataStack(Stack):
    """The payments ledger (DynamoDB) and the reporting database (RDS)."""

    def __init__(self, scope: Construct, construct_id: str, *, stage: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        is_prod = stage == "prod"
        network = ec2.Vpc(self, "Network", max_azs=2)

        self.ledger = dynamodb.Table(
            self,
            "Ledger",
            partition_key=dynamodb.Attribute(name="paymentId", type=dynamodb.AttributeType.STRING),
            billing_mode=dynamodb.BillingMode.PAY_PER_REQUEST,
            point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(
                point_in_time_recovery_enabled=is_prod
            ),
            removal_policy=RemovalPolicy.RETAIN,
        )

        # Reports are rebuilt from the ledger, so the database was left at the construct's
        # placement: one Availability Zone.
        rds.DatabaseInstance(
            self,
            "Reporting",
            engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_16),
            vpc=network,
            backup_retention=Duration.days(7 if is_prod else 1),
            deletion_protection=is_prod,
        )
