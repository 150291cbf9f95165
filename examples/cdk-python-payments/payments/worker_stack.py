import os

from aws_cdk import Duration, Stack
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_sqs as sqs
from aws_cdk.aws_lambda_event_sources import SqsEventSource
from constructs import Construct

FUNCTIONS = os.path.join(os.path.dirname(__file__), "..", "functions")


class WorkerStack(Stack):
    """Settles card payments from a queue and records them in the ledger."""

    def __init__(self, scope: Construct, construct_id: str, *, stage: str, ledger, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        settlements = sqs.Queue(
            self,
            "Settlements",
            visibility_timeout=Duration.minutes(3),
        )

        settle = lambda_.Function(
            self,
            "Settle",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="settle.handler",
            code=lambda_.Code.from_asset(os.path.join(FUNCTIONS, "settle")),
            timeout=Duration.seconds(30),
            reserved_concurrent_executions=10,
            environment={"LEDGER_TABLE": ledger.table_name},
        )
        settle.add_event_source(SqsEventSource(settlements, batch_size=10))
