import os

from aws_cdk import Duration, Stack
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_lambda_event_sources as sources
from aws_cdk import aws_sqs as sqs
from constructs import Construct

# The consumer's timeout is read from the environment when the app is synthesised.
class BillingStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        failed = sqs.Queue(self, "FailedInvoices")
        invoices = sqs.Queue(
            self,
            "Invoices",
            dead_letter_queue=sqs.DeadLetterQueue(max_receive_count=3, queue=failed),
            visibility_timeout=Duration.minutes(12),
        )
        writer = lambda_.Function(
            self,
            "InvoiceWriter",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="invoices.handler",
            code=lambda_.Code.from_asset(os.path.join(os.path.dirname(__file__), "functions")),
            timeout=Duration.seconds(int(os.environ["INVOICE_TIMEOUT"])),
            reserved_concurrent_executions=20,
        )
        writer.add_event_source(sources.SqsEventSource(queue=invoices, batch_size=10))
