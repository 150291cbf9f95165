"""Tax lookup with a retry but neither a timeout nor a circuit breaker."""
import requests
from tenacity import retry, stop_after_attempt


@retry(stop=stop_after_attempt(3))
def tax_rate(region):
    return requests.get(f"https://tax.example.com/rates/{region}").json()  # relplan:finding
