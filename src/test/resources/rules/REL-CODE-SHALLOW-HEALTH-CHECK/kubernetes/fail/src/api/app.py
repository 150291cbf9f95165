"""Flask API whose health check never looks at its database."""
from flask import Flask, jsonify

app = Flask(__name__)


@app.route("/healthz")  # relplan:finding
def healthz():
    return jsonify(status="ok")
