from aws_cdk import Duration, RemovalPolicy, Stack
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_lambda as _lambda
from aws_cdk import aws_lambda_event_sources as sources
from aws_cdk import aws_sqs as sqs
from constructs import Construct

RETENTION = 7


class LedgerStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, is_prod: bool = False, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        table = dynamodb.Table(
            self,
            "Ledger",
            partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING),
            point_in_time_recovery=is_prod,
            removal_policy=RemovalPolicy.RETAIN if is_prod else RemovalPolicy.DESTROY,
        )
        failed = sqs.Queue(self, "LedgerFailed", retention_period=Duration.days(14))
        inbox = sqs.Queue(
            self,
            "LedgerInbox",
            visibility_timeout=Duration.seconds(90),
            dead_letter_queue=sqs.DeadLetterQueue(max_receive_count=3, queue=failed),
        )
        fn = _lambda.Function(
            self,
            "Post",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="post.handler",
            code=_lambda.Code.from_asset("functions"),
            timeout=Duration.seconds(30),
            reserved_concurrent_executions=5 if is_prod else None,
            environment={"TABLE": table.table_name},
        )
        fn.add_event_source(sources.SqsEventSource(inbox, batch_size=RETENTION, report_batch_item_failures=True))
        table.grant_read_write_data(fn)
