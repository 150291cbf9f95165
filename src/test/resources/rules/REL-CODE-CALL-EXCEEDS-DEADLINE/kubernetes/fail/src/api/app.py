"""Flask API whose health checks call the services it depends on."""
import requests
from flask import Flask, jsonify
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

app = Flask(__name__)
payments = requests.Session()  # relplan:evidence
payments.mount("https://", HTTPAdapter(max_retries=Retry(total=2)))  # relplan:evidence


@app.route("/healthz")
def healthz():
    payments.get(  # relplan:finding
        "https://payments.shop.svc/health",
        timeout=(1, 4),  # relplan:evidence
    )
    return jsonify(status="ok")


@app.route("/ready")
def ready():
    requests.get("https://stock.shop.svc/health", timeout=5)  # relplan:finding
    return jsonify(status="ready")
