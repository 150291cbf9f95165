"""Exchange rates with an explicit requests timeout, and httpx with its finite 5 s default."""
import httpx
import requests

RATES_URL = "https://rates.example.com/v1/latest"


def latest(currency):
    return requests.get(RATES_URL, params={"base": currency}, timeout=(3.05, 10)).json()


def history(currency):
    return httpx.get("https://rates.example.com/v1/history", params={"base": currency}).json()
