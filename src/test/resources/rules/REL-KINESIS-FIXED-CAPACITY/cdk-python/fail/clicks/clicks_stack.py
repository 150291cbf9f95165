from aws_cdk import Stack
from aws_cdk import aws_kinesis as kinesis
from constructs import Construct


# The click stream keeps the construct's default: provisioned, one shard.
class ClicksStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        kinesis.Stream(self, "Clicks")  # relplan:finding
