"""Web front end: builds a sales report from the reporting service, waiting up to two minutes."""
import requests
from flask import Flask, jsonify

app = Flask(__name__)


@app.route("/reports/sales")
def sales_report():
    report = requests.get(
        "https://reporting.shop.svc/sales",
        timeout=(3, 120),
    )
    return jsonify(report.json())
