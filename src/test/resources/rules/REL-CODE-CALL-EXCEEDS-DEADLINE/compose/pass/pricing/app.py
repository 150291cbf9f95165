"""Pricing fetches exchange rates within 2 s, inside the 3 s checkout waits for it."""
import requests


def rates():
    return requests.get("https://rates.example.com/v1/eur", timeout=(0.5, 1.5)).json()
