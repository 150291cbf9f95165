"""A boto3 client whose retries are switched off."""
import boto3
from botocore.config import Config

NO_RETRIES = Config(connect_timeout=2, read_timeout=5, retries={"max_attempts": 0})  # relplan:evidence
events = boto3.client("events", config=NO_RETRIES)  # relplan:finding


def emit(detail):
    events.put_events(Entries=[{"Source": "pricing", "DetailType": "PriceChanged", "Detail": detail}])
