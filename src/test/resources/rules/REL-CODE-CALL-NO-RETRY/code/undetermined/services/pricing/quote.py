import httpx

from .transports import PRICING_TRANSPORT

# the transport is built in another module: whether it retries is not followed
client = httpx.Client(transport=PRICING_TRANSPORT, timeout=5)


def current_quote(sku):
    return client.get("https://pricing.example.com/v1/quote", params={"sku": sku}).json()
