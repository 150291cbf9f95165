from aws_cdk import Stack
from aws_cdk import aws_dynamodb as dynamodb
from constructs import Construct


# Whether point-in-time recovery is on is a context value given when the app is synthesised.
class CartsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        dynamodb.Table(
            self,
            "Carts",
            partition_key=dynamodb.Attribute(name="cartId", type=dynamodb.AttributeType.STRING),
            billing_mode=dynamodb.BillingMode.PAY_PER_REQUEST,
            point_in_time_recovery=self.node.try_get_context("pointInTimeRecovery"),
        )
