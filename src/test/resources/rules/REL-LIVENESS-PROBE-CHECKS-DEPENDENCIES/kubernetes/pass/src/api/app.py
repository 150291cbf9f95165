"""Flask API: a readiness check that queries the database, a shallow liveness check."""
from flask import Flask, jsonify
from sqlalchemy import create_engine, text

app = Flask(__name__)
engine = create_engine("postgresql://db.shop.svc/shop")


@app.route("/ready")
def ready():
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    return jsonify(status="ok")


@app.route("/healthz")
def healthz():
    return jsonify(status="ok")
