"""Pricing fetches exchange rates for every quote, waiting up to 13 s: longer than checkout waits."""
import requests


def rates():
    return requests.get("https://rates.example.com/v1/eur", timeout=(3, 10)).json()  # relplan:finding
