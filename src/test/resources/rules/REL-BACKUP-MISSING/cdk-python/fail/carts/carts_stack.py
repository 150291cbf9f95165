from aws_cdk import Stack
from aws_cdk import aws_dynamodb as dynamodb
from constructs import Construct

# The carts table keeps the construct's default (no point-in-time recovery); the orders table
# turns it off through a module-level settings dictionary. No AWS Backup plan selects either.
RECOVERY = {"enabled": False}  # relplan:evidence


class CartsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        dynamodb.Table(  # relplan:finding
            self,
            "Carts",
            partition_key=dynamodb.Attribute(name="cartId", type=dynamodb.AttributeType.STRING),
            billing_mode=dynamodb.BillingMode.PAY_PER_REQUEST,
        )

        dynamodb.TableV2(  # relplan:finding
            self,
            "Orders",
            partition_key=dynamodb.Attribute(name="orderId", type=dynamodb.AttributeType.STRING),
            point_in_time_recovery=RECOVERY["enabled"],  # relplan:evidence
        )
