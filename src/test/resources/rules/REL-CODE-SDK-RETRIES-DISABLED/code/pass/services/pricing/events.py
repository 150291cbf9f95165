"""A boto3 client with standard-mode retries."""
import boto3
from botocore.config import Config

events = boto3.client("events", config=Config(retries={"max_attempts": 5, "mode": "standard"}))


def emit(detail):
    events.put_events(Entries=[{"Source": "pricing", "DetailType": "PriceChanged", "Detail": detail}])
