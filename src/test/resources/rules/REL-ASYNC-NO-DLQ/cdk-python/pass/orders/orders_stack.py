from aws_cdk import Duration, Stack
from aws_cdk import aws_sqs as sqs
from constructs import Construct


# Failed orders are redriven to a dead-letter queue after five receives.
class OrdersStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        failed_orders = sqs.Queue(self, "FailedOrders", retention_period=Duration.days(14))
        sqs.Queue(
            self,
            "OrderQueue",
            visibility_timeout=Duration.seconds(60),
            dead_letter_queue=sqs.DeadLetterQueue(max_receive_count=5, queue=failed_orders),
        )
