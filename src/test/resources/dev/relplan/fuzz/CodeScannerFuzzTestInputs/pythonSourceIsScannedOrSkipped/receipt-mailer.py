"""Emails the receipt of an order, once per order even when the event is delivered twice."""
import json
import os

import boto3
from aws_lambda_powertools.utilities.idempotency import (
    DynamoDBPersistenceLayer,
    IdempotencyConfig,
    idempotent_function,
)

persistence = DynamoDBPersistenceLayer(table_name=os.environ["IDEMPOTENCY_TABLE"])
config = IdempotencyConfig(event_key_jmespath="orderId", expires_after_seconds=86400)
ses = boto3.client("sesv2")


@idempotent_function(data_keyword_argument="order", persistence_store=persistence, config=config)
def send_receipt(order):
    ses.send_email(
        FromEmailAddress="orders@shop.example.com",
        Destination={"ToAddresses": [order["email"]]},
        Content={"Simple": {"Subject": {"Data": "Your order " + order["orderId"]},
                            "Body": {"Text": {"Data": "Thank you for your order."}}}},
    )
    return {"orderId": order["orderId"]}


def handler(event, context):
    config.register_lambda_context(context)
    for record in event["Records"]:
        send_receipt(order=json.loads(record["body"]))
