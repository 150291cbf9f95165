"""Storefront: renders the sales report, waiting up to two minutes for the reporting service."""
import requests
from flask import Flask, jsonify

app = Flask(__name__)


@app.route("/reports/sales")
def sales_report():
    report = requests.get(  # relplan:finding
        "https://reporting.internal.example.com/sales",
        timeout=(3, 120),  # relplan:evidence
    )
    return jsonify(report.json())
