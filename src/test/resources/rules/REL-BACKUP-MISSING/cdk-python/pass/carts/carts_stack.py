from aws_cdk import Stack
from aws_cdk import aws_dynamodb as dynamodb
from constructs import Construct


# Point-in-time recovery is on for both tables: through the specification struct on one, and a
# dictionary with the struct's keys on the other.
class CartsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        dynamodb.Table(
            self,
            "Carts",
            partition_key=dynamodb.Attribute(name="cartId", type=dynamodb.AttributeType.STRING),
            billing_mode=dynamodb.BillingMode.PAY_PER_REQUEST,
            point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(
                point_in_time_recovery_enabled=True
            ),
        )

        recovery = {"point_in_time_recovery_enabled": True}
        dynamodb.TableV2(
            self,
            "Orders",
            partition_key=dynamodb.Attribute(name="orderId", type=dynamodb.AttributeType.STRING),
            point_in_time_recovery_specification=recovery,
        )
