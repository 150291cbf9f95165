"""Pricing service: converts basket totals with the exchange rates of an external provider.

Each call to the provider has a connect and read timeout, and transient failures are retried
three times with exponential backoff and jitter (tenacity).
"""
import os

import requests
from flask import Flask, jsonify, request
from tenacity import retry, retry_if_exception_type, stop_after_attempt, wait_exponential_jitter

RATES_URL = "https://api.fxrates.example.com/v1/latest"

app = Flask(__name__)
session = requests.Session()
session.headers["Authorization"] = "Bearer " + os.environ.get("FX_API_TOKEN", "")


@retry(
    stop=stop_after_attempt(3),
    wait=wait_exponential_jitter(initial=0.2, max=2),
    retry=retry_if_exception_type((requests.ConnectionError, requests.Timeout)),
    reraise=True,
)
def fetch_rates(base):
    response = session.get(RATES_URL, params={"base": base}, timeout=(2, 5))
    response.raise_for_status()
    return response.json()["rates"]


@app.post("/quote")
def quote():
    body = request.get_json()
    rates = fetch_rates(body["currency"])
    target = body["target"]
    return jsonify({"currency": target, "total": round(body["total"] * rates[target], 2)})
