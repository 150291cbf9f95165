"""Books a shipment for each order event from the order-events queue.

SQS delivers at least once: when a batch is retried (a timeout, a partial failure, the visibility
timeout running out), the same order event arrives again and books a second shipment.
"""
import json
import os

import boto3

shipments = boto3.resource("dynamodb").Table(os.environ["SHIPMENTS_TABLE"])


def book(order):
    shipments.put_item(
        Item={
            "orderId": order["orderId"],
            "address": order["shippingAddress"],
            "items": order["items"],
            "status": "BOOKED",
        }
    )


def handler(event, context):
    failures = []
    for record in event["Records"]:
        try:
            book(json.loads(record["body"]))
        except Exception:  # reported back so that only the failed messages are retried
            failures.append({"itemIdentifier": record["messageId"]})
    return {"batchItemFailures": failures}
