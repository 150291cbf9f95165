"""Exchange rates: requests has no default timeout."""
import requests

RATES_URL = "https://rates.example.com/v1/latest"


def latest(currency):
    session = requests.Session()  # relplan:evidence
    return session.get(RATES_URL, params={"base": currency}).json()  # relplan:finding
