import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

session = requests.Session()  # relplan:evidence
session.mount("https://", HTTPAdapter(max_retries=Retry(total=2)))  # relplan:evidence


def handler(event, context):
    for record in event["Records"]:
        session.post(  # relplan:finding
            "https://fulfilment.example.com/orders",
            data=record["body"],
            timeout=(5, 10),  # relplan:evidence
        )
