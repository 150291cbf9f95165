import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

PRICING_URL = "https://pricing.example.com/v1/quote"

session = requests.Session()
session.mount("https://", HTTPAdapter(max_retries=Retry(total=2, backoff_factor=0.5)))


def current_quote(sku):
    # retried twice by the mounted adapter
    response = session.get(PRICING_URL, params={"sku": sku}, timeout=(2, 5))
    response.raise_for_status()
    return response.json()


def place_order(order):
    # a POST without an idempotency key must not be retried: no finding
    return requests.post("https://orders.example.com/v1/orders", json=order, timeout=(2, 5))
