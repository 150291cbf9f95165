"""A database connection without a statement timeout is REL-CODE-CALL-NO-TIMEOUT's concern, not an external service call."""
import psycopg2


def price(sku):
    conn = psycopg2.connect(host="prices-db.internal", dbname="prices")
    with conn.cursor() as cur:
        cur.execute("select amount from prices where sku = %s", (sku,))
        return cur.fetchone()[0]
