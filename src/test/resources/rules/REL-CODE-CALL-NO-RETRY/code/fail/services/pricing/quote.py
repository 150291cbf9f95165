import requests

PRICING_URL = "https://pricing.example.com/v1/quote"


def current_quote(sku):
    response = requests.get(PRICING_URL, params={"sku": sku}, timeout=(2, 5))  # relplan:finding
    response.raise_for_status()
    return response.json()
