"""Price store: PostgreSQL without a statement_timeout and a Redis cache without a socket_timeout."""
import psycopg2
import redis

cache = redis.Redis(host="prices-cache.internal", port=6379, socket_connect_timeout=2)  # relplan:finding


def price(sku):
    cached = cache.get(f"price:{sku}")
    if cached is not None:
        return cached
    conn = psycopg2.connect(host="prices-db.internal", dbname="prices", connect_timeout=5)  # relplan:finding
    with conn.cursor() as cur:
        cur.execute("select amount from prices where sku = %s", (sku,))
        return cur.fetchone()[0]
