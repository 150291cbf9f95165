"""Pricing's wait for the rates API is set when it starts: whether it fits checkout's 3 s is unknown."""
import os

import requests

RATES_TIMEOUT = float(os.environ["RATES_TIMEOUT"])


def rates():
    return requests.get("https://rates.example.com/v1/eur", timeout=RATES_TIMEOUT).json()
