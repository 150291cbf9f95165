"""Tax lookup behind a pybreaker circuit breaker."""
import pybreaker
import requests

tax_breaker = pybreaker.CircuitBreaker(fail_max=5, reset_timeout=30)


@tax_breaker
def tax_rate(region):
    return requests.get(f"https://tax.example.com/rates/{region}").json()
