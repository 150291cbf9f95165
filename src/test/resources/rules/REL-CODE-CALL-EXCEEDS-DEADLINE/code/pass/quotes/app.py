import boto3
import requests
from botocore.config import Config

PRICING_URL = "https://pricing.example.com/v1/quote"

# 3 attempts x (2 s + 5 s) = 21 s, inside the 28 s deadline
prices = boto3.client(
    "dynamodb",
    config=Config(connect_timeout=2, read_timeout=5, retries={"total_max_attempts": 3}),
)


def handler(event, context):
    cached = prices.get_item(TableName="prices", Key={"id": {"S": "q"}})
    # 2 s + 10 s = 12 s, inside the 28 s deadline
    response = requests.get(PRICING_URL, timeout=(2, 10))
    return {"statusCode": 200, "body": response.text, "cached": str(cached)}
