import requests

PRICING_URL = "https://pricing.example.com/v1/quote"


def handler(event, context):
    response = requests.get(  # relplan:finding
        PRICING_URL,
        timeout=35,  # relplan:evidence
    )
    return {"statusCode": 200, "body": response.text}
