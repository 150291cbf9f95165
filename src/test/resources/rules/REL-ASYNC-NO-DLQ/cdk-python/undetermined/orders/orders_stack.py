from aws_cdk import Stack
from aws_cdk import aws_sqs as sqs
from constructs import Construct


# The dead-letter queue is given by the app (app.py), which is not followed.
class OrdersStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, redrive, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        sqs.Queue(self, "OrderQueue", dead_letter_queue=redrive)
