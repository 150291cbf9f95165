#!/usr/bin/env python3
import aws_cdk as cdk

from payments.data_stack import DataStack
from payments.worker_stack import WorkerStack

app = cdk.App()
stage = app.node.try_get_context("stage") or "dev"
data = DataStack(app, f"Payments-Data-{stage}", stage=stage)
WorkerStack(app, f"Payments-Worker-{stage}", stage=stage, ledger=data.ledger)
app.synth()
