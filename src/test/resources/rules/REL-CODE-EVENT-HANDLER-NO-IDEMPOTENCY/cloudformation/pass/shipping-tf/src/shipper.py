"""Books a courier once per message: Powertools idempotency keyed on the message."""
import json

from aws_lambda_powertools.utilities.idempotency import DynamoDBPersistenceLayer, idempotent_function

persistence = DynamoDBPersistenceLayer(table_name="idempotency")


@idempotent_function(data_keyword_argument="record", persistence_store=persistence)
def book(record):
    return json.loads(record["body"])


def handle(event, context):
    for record in event["Records"]:
        book(record=record)
