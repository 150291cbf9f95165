"""Flask API whose health checks bound their calls well inside the probes' timeouts."""
import requests
from flask import Flask, jsonify

app = Flask(__name__)


@app.route("/healthz")
def healthz():
    requests.get("https://payments.shop.svc/health", timeout=(0.2, 0.5))
    return jsonify(status="ok")


@app.route("/ready")
def ready():
    requests.get("https://stock.shop.svc/health", timeout=(0.2, 0.3))
    return jsonify(status="ready")
