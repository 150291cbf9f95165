from aws_cdk import Stack
from aws_cdk import aws_kinesis as kinesis
from constructs import Construct


# On-demand capacity grows with the writes.
class ClicksStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        kinesis.Stream(self, "Clicks", stream_mode=kinesis.StreamMode.ON_DEMAND)
