"""Price store: statement_timeout on the pool's connections, socket_timeout on Redis, and a SQLAlchemy engine (30 s pool_timeout default)."""
import redis
from psycopg_pool import ConnectionPool
from sqlalchemy import create_engine

cache = redis.Redis(host="prices-cache.internal", port=6379, socket_timeout=0.5, socket_connect_timeout=2)
pool = ConnectionPool(
    "host=prices-db.internal dbname=prices connect_timeout=5",
    max_size=10,
    timeout=5,
    kwargs={"options": "-c statement_timeout=3000"},
)
reports = create_engine("postgresql+psycopg2://reports@reports-db.internal/reports", pool_size=5, pool_pre_ping=True)


def price(sku):
    cached = cache.get(f"price:{sku}")
    if cached is not None:
        return cached
    with pool.connection() as conn:
        return conn.execute("select amount from prices where sku = %s", (sku,)).fetchone()[0]
