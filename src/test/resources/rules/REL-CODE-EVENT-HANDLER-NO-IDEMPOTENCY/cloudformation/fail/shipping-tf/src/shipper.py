"""Books a courier for every message: a redelivered message books a second courier."""
import json

import boto3

table = boto3.resource("dynamodb").Table("shipments")


def handle(event, context):  # relplan:finding
    for record in event["Records"]:
        table.put_item(Item=json.loads(record["body"]))
