"""Flask API whose readiness check calls the stock service."""
import requests
from flask import Flask, jsonify

app = Flask(__name__)


@app.route("/ready")
def ready():
    requests.get("https://stock.shop.svc/health", timeout=5)
    return jsonify(status="ready")
