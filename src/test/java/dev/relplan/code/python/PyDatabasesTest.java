package dev.relplan.code.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Integration;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * psycopg 2/3, psycopg_pool, redis-py and SQLAlchemy engines: one integration per creation site.
 */
class PyDatabasesTest {
  private static List<Integration> scan(String source) {
    return new PythonCodeScanner()
        .scan(
            List.of(
                new SourceFile(Path.of("db.py"), "db.py", FileKind.SOURCE_CODE, source, List.of())))
        .integrations();
  }

  private static boolean none(Integration i) {
    return i.timeout.known() && !i.timeout.present();
  }

  @Test
  void psycopg2WithoutStatementTimeoutIsNoneAtTheConnectLine() {
    var r =
        scan(
            """
        import psycopg2

        def load(order_id):
            conn = psycopg2.connect(host="orders-db.internal", dbname="orders", connect_timeout=5)
            with conn.cursor() as cur:
                cur.execute("select * from orders where id = %s", (order_id,))
                return cur.fetchone()
        """);
    assertThat(r).hasSize(1);
    Integration i = r.get(0);
    assertThat(i.kind).isEqualTo(Integration.Kind.DATABASE);
    assertThat(i.client).isEqualTo("psycopg2");
    assertThat(i.location.line()).isEqualTo(4);
    assertThat(i.target.get()).isEqualTo("PostgreSQL orders-db.internal");
    assertThat(none(i)).isTrue();
    assertThat(i.timeout.note())
        .contains("statement_timeout")
        .doesNotContain("without connect_timeout");
    assertThat(i.timeout.trace()).extracting(l -> l.line()).containsExactly(4);
  }

  @Test
  void statementTimeoutInOptionsOrConninfoIsExplicit() {
    var r =
        scan(
            """
        import psycopg
        import psycopg2

        DSN = "host=db dbname=app options='-c statement_timeout=5000' connect_timeout=3"

        def a():
            return psycopg.connect("postgresql://app@db.internal/app", options="-c statement_timeout=2s")

        def b():
            return psycopg2.connect(DSN)

        def c():
            return psycopg2.connect("postgresql://app@db.internal/app?options=-c%20statement_timeout%3D1500")

        def d():
            return psycopg.connect("dbname=app")

        def e():
            return psycopg2.connect("dbname=app")
        """);
    assertThat(r).hasSize(5);
    assertThat(r.get(0).timeout.get()).isEqualTo("statement_timeout 2s");
    assertThat(r.get(0).target.get()).isEqualTo("PostgreSQL db.internal");
    assertThat(r.get(1).timeout.get())
        .isEqualTo("statement_timeout 5000 ms, connect_timeout 3 s (DSN)");
    assertThat(r.get(1).target.get()).isEqualTo("PostgreSQL db");
    assertThat(r.get(2).timeout.get()).isEqualTo("statement_timeout 1500 ms");
    assertThat(none(r.get(3))).isTrue();
    assertThat(r.get(3).timeout.note()).contains("psycopg's own 130 s default");
    assertThat(r.get(3).location.line()).isEqualTo(16);
    assertThat(r.get(4).timeout.note())
        .contains("without connect_timeout libpq waits indefinitely to connect");
  }

  @Test
  void dsnFromTheEnvironmentCannotBeDetermined() {
    var r =
        scan(
            """
        import os
        import psycopg2
        from psycopg_pool import ConnectionPool

        conn = psycopg2.connect(os.environ["DATABASE_URL"])
        pool = ConnectionPool(os.getenv("DATABASE_URL"), max_size=10)
        """);
    assertThat(r).hasSize(2);
    assertThat(r.get(0).timeout.unresolved()).isTrue();
    assertThat(r.get(0).timeout.note()).contains("os.environ[\"DATABASE_URL\"]");
    assertThat(r.get(1).timeout.unresolved()).isTrue();
    assertThat(r.get(1).pool.get()).isEqualTo("max_size 10");
  }

  @Test
  void psycopgPoolSettingsAndConnectionKwargs() {
    var r =
        scan(
            """
        from psycopg_pool import ConnectionPool

        pool = ConnectionPool(
            "host=db dbname=app",
            min_size=2,
            max_size=20,
            timeout=10,
            max_idle=300,
            kwargs={"options": "-c statement_timeout=3000"},
        )
        bare = ConnectionPool("host=db dbname=app")
        """);
    assertThat(r).hasSize(2);
    Integration p = r.get(0);
    assertThat(p.client).isEqualTo("psycopg_pool");
    assertThat(p.location.line()).isEqualTo(3);
    assertThat(p.timeout.get()).isEqualTo("statement_timeout 3000 ms");
    assertThat(p.pool.get()).isEqualTo("min_size 2, max_size 20, timeout 10 s, max_idle 300 s");
    assertThat(p.pool.isExplicit()).isTrue();
    assertThat(p.pool.trace()).extracting(l -> l.line()).containsExactly(5, 6, 7, 8);
    assertThat(none(r.get(1))).isTrue();
    assertThat(r.get(1).pool.isExplicit()).isFalse();
    assertThat(r.get(1).pool.get()).contains("timeout 30 s");
  }

  @Test
  void redisWithoutSocketTimeoutIsNoneAndWithItIsExplicit() {
    var r =
        scan(
            """
        import os
        import redis
        import redis.asyncio as aioredis

        cache = redis.Redis(host="cache.internal", port=6379, socket_connect_timeout=2)
        fast = redis.Redis(host="cache.internal", socket_timeout=0.5, max_connections=50)
        url = redis.from_url("redis://cache.internal:6379/0?socket_timeout=2")
        env = redis.from_url(os.environ["REDIS_URL"])
        env_bounded = redis.from_url(os.environ["REDIS_URL"], socket_timeout=float(os.environ["REDIS_TIMEOUT"]))
        async_client = aioredis.Redis(host="cache.internal")
        """);
    assertThat(r).hasSize(6);
    Integration cache = r.get(0);
    assertThat(cache.client).isEqualTo("redis-py");
    assertThat(cache.location.line()).isEqualTo(5);
    assertThat(cache.target.get()).isEqualTo("Redis cache.internal");
    assertThat(none(cache)).isTrue();
    assertThat(cache.timeout.note()).contains("socket_connect_timeout bounds only connecting");
    assertThat(r.get(1).timeout.get()).isEqualTo("socket_timeout 0.5 s");
    assertThat(r.get(1).pool.get()).isEqualTo("max_connections 50");
    assertThat(r.get(2).timeout.get()).isEqualTo("socket_timeout 2 s (URL)");
    assertThat(r.get(2).target.get()).isEqualTo("Redis cache.internal");
    assertThat(r.get(3).timeout.unresolved()).isTrue();
    assertThat(r.get(4).timeout.get())
        .isEqualTo("socket_timeout set from float(os.environ[\"REDIS_TIMEOUT\"])");
    assertThat(none(r.get(5))).isTrue();
    assertThat(r.get(5).location.line()).isEqualTo(10);
  }

  @Test
  void redisConnectionPoolIsFollowed() {
    var r =
        scan(
            """
        import redis

        pool = redis.ConnectionPool(host="cache", socket_timeout=3, max_connections=20)
        client = redis.Redis(connection_pool=pool)

        def make(p):
            return redis.Redis(connection_pool=p)
        """);
    assertThat(r).hasSize(2);
    assertThat(r.get(0).timeout.get()).isEqualTo("socket_timeout 3 s");
    assertThat(r.get(0).clientLocation.line()).isEqualTo(3);
    assertThat(r.get(0).pool.get()).isEqualTo("max_connections 20");
    assertThat(r.get(1).timeout.unresolved()).isTrue();
  }

  @Test
  void sqlalchemyEngineHasTheFinitePoolTimeoutAndRecordsPoolSettings() {
    var r =
        scan(
            """
        import os
        from sqlalchemy import create_engine
        from sqlalchemy.pool import NullPool

        engine = create_engine("postgresql+psycopg2://app@db.internal/app", pool_size=10, pool_timeout=5, pool_pre_ping=True)
        default = create_engine(os.environ["DATABASE_URL"])
        local = create_engine("sqlite:///local.db")
        nopool = create_engine("postgresql://db/app", poolclass=NullPool)
        """);
    assertThat(r).hasSize(3);
    Integration e = r.get(0);
    assertThat(e.client).isEqualTo("SQLAlchemy");
    assertThat(e.target.get()).isEqualTo("postgresql db.internal");
    assertThat(e.timeout.get()).isEqualTo("pool checkout 5 s (pool_timeout)");
    assertThat(e.pool.get()).isEqualTo("pool_size 10, pool_timeout 5 s, pool_pre_ping True");
    assertThat(r.get(1).timeout.present()).isTrue();
    assertThat(r.get(1).timeout.get()).contains("30 s");
    assertThat(r.get(1).pool.isExplicit()).isFalse();
    assertThat(r.get(2).timeout.unresolved()).isTrue();
  }

  @Test
  void statementTimeoutSetInSqlOrAConfigureCallbackCannotBeDetermined() {
    var r =
        scan(
            """
        import psycopg2
        from psycopg_pool import ConnectionPool

        def setup(conn):
            conn.autocommit = True

        pool = ConnectionPool("host=db dbname=app", configure=setup)

        def load():
            conn = psycopg2.connect(host="db", dbname="app")
            with conn.cursor() as cur:
                cur.execute("SET statement_timeout = 5000")
        """);
    assertThat(r).hasSize(2);
    assertThat(r.get(0).timeout.unresolved()).isTrue();
    assertThat(r.get(0).timeout.note()).contains("configure=");
    assertThat(r.get(1).timeout.unresolved()).isTrue();
    assertThat(r.get(1).timeout.note()).contains("line 12");
  }

  @Test
  void psycopg2PoolPassesItsRemainingArgumentsToConnect() {
    var r =
        scan(
            """
        from psycopg2 import pool

        readers = pool.ThreadedConnectionPool(1, 20, host="replica.internal", dbname="app")
        writers = pool.SimpleConnectionPool(1, 5, "host=primary.internal options='-c statement_timeout=2000'")
        """);
    assertThat(r).hasSize(2);
    assertThat(r.get(0).client).isEqualTo("psycopg2.pool");
    assertThat(none(r.get(0))).isTrue();
    assertThat(r.get(0).timeout.note()).contains("libpq waits indefinitely");
    assertThat(r.get(0).pool.get()).isEqualTo("minconn 1, maxconn 20");
    assertThat(r.get(0).target.get()).isEqualTo("PostgreSQL replica.internal");
    assertThat(r.get(1).timeout.get()).isEqualTo("statement_timeout 2000 ms");
  }

  @Test
  void settingParsing() {
    assertThat(PyDatabases.setting("options='-c statement_timeout=5s'", "statement_timeout"))
        .isEqualTo("5s");
    assertThat(
            PyDatabases.setting(
                "options='-c idle_in_transaction_statement_timeout=5s'", "statement_timeout"))
        .isNull();
    assertThat(PyDatabases.setting("a=1&statement_timeout = 30", "statement_timeout"))
        .isEqualTo("30");
    assertThat(PyDatabases.dsnHost("postgresql://u:p@db.example.com:5432/app"))
        .isEqualTo("db.example.com");
    assertThat(PyDatabases.dsnHost("host=pg dbname=x")).isEqualTo("pg");
  }
}
