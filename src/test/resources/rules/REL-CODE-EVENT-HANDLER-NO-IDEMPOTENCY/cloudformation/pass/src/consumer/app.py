"""Powertools idempotency keyed on the message id."""
import json

from aws_lambda_powertools.utilities.idempotency import DynamoDBPersistenceLayer, idempotent_function

persistence = DynamoDBPersistenceLayer(table_name="idempotency")


@idempotent_function(data_keyword_argument="record", persistence_store=persistence)
def process(record):
    return json.loads(record["body"])


def handler(event, context):
    for record in event["Records"]:
        process(record=record)
