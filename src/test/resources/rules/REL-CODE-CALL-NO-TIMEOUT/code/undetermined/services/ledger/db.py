"""The DSN comes from the environment: its options may set statement_timeout, which cannot be told from the code."""
import os

import psycopg

conn = psycopg.connect(os.environ["LEDGER_DATABASE_URL"])


def balance(account):
    return conn.execute("select balance from accounts where id = %s", (account,)).fetchone()[0]
