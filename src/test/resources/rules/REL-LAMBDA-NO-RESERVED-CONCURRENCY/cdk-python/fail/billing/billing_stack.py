from aws_cdk import Duration, Stack
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_sqs as sqs
from aws_cdk.aws_lambda_event_sources import SqsEventSource
from constructs import Construct

# The invoice writer consumes a queue and has no reserved concurrency (the construct's default).
class BillingStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        failed = sqs.Queue(self, "FailedInvoices")
        invoices = sqs.Queue(
            self,
            "Invoices",
            visibility_timeout=Duration.minutes(3),
            dead_letter_queue=sqs.DeadLetterQueue(max_receive_count=3, queue=failed),
        )
        writer = lambda_.Function(  # relplan:finding
            self,
            "InvoiceWriter",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="invoices.handler",
            code=lambda_.Code.from_asset("functions/invoices"),
            timeout=Duration.seconds(30),

        )
        writer.add_event_source(SqsEventSource(invoices, batch_size=10))
