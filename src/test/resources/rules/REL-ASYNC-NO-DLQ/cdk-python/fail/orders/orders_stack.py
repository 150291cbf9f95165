from aws_cdk import Duration, Stack
from aws_cdk import aws_sqs as sqs
from constructs import Construct


# The order queue keeps the construct's default: no dead-letter queue.
class OrdersStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        sqs.Queue(  # relplan:finding
            self,
            "OrderQueue",
            visibility_timeout=Duration.seconds(60),
        )
