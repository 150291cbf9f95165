import requests

PRICING_URL = "https://pricing.example.com/v1/quote"


def handler(event, context):
    # 10 s + 10 s fits the API's 29 s, but the function's own timeout is a parameter without value
    response = requests.get(PRICING_URL, timeout=10)
    return {"statusCode": 200, "body": response.text}
