"""Writes every order it receives: a redelivered message creates a second order."""
import json

import boto3

table = boto3.resource("dynamodb").Table("orders")


def handler(event, context):  # relplan:finding
    for record in event["Records"]:
        order = json.loads(record["body"])
        table.put_item(Item=order)
