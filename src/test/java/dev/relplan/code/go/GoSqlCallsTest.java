package dev.relplan.code.go;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Integration;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Queries through database/sql wrappers (otelsql, sqlx) and pgx in Go. */
class GoSqlCallsTest {
  private static List<Integration> scan(String source) {
    return new GoCodeScanner()
        .scan(
            List.of(
                new SourceFile(
                    Path.of("store.go"), "store.go", FileKind.SOURCE_CODE, source, List.of())))
        .integrations();
  }

  private static boolean none(Integration i) {
    return i.timeout.known() && !i.timeout.present();
  }

  @Test
  void otelsqlPackageVariableOpenedInOneFunctionIsFollowedToItsQueries() {
    List<Integration> r =
        scan(
            """
        package main

        import (
        	"context"
        	"database/sql"
        	"os"

        	"github.com/XSAM/otelsql"
        )

        var db *sql.DB

        func initDB() (err error) {
        	db, err = otelsql.Open("postgres", os.Getenv("DB_CONNECTION_STRING"))
        	return err
        }

        func products(ctx context.Context) error {
        	_, err := db.QueryContext(ctx, "SELECT id FROM products")
        	return err
        }
        """);
    assertThat(r).hasSize(1);
    Integration i = r.get(0);
    assertThat(i.client).isEqualTo("database/sql (otelsql)");
    assertThat(i.location.line()).isEqualTo(19);
    assertThat(i.clientLocation.line()).isEqualTo(14);
    assertThat(i.target.get()).isEqualTo("postgres database");
    assertThat(i.timeout.unresolved()).isTrue();
    assertThat(i.timeout.note()).startsWith("the DSN is not a literal");
  }

  @Test
  void packageVariableAssignedInTwoFunctionsIsNotFollowed() {
    List<Integration> r =
        scan(
            """
        package main

        import (
        	"database/sql"

        	"github.com/XSAM/otelsql"
        )

        var db *sql.DB

        func primary() { db, _ = otelsql.Open("postgres", "host=a") }

        func replica() { db, _ = otelsql.Open("postgres", "host=b") }

        func count() { db.Query("SELECT 1") }
        """);
    assertThat(r).isEmpty();
  }

  @Test
  void aLocalOfTheSameNameInTheAssigningFunctionIsNotThePackageVariable() {
    List<Integration> r =
        scan(
            """
        package main

        import (
        	"database/sql"

        	"github.com/XSAM/otelsql"
        )

        var db *sql.DB

        func open() {
        	var db *sql.DB
        	db, _ = otelsql.Open("postgres", "host=a")
        	_ = db
        }

        func count() { db.Query("SELECT 1") }
        """);
    assertThat(r).isEmpty();
  }

  @Test
  void sqlxQueryHelperWithoutContextOrDsnTimeoutWaitsForever() {
    List<Integration> r =
        scan(
            """
        package store

        import "github.com/jmoiron/sqlx"

        var db = sqlx.MustConnect("postgres", "host=orders-db dbname=orders")

        func orders(dst *[]string) error {
        	return db.Select(dst, "SELECT id FROM orders")
        }
        """);
    assertThat(r).hasSize(1);
    assertThat(r.get(0).client).isEqualTo("sqlx");
    assertThat(r.get(0).location.line()).isEqualTo(8);
    assertThat(none(r.get(0))).isTrue();
    assertThat(r.get(0).timeout.note()).contains("sqlx has no timeout of its own");
  }

  @Test
  void pgxPoolQueryUnderAContextDeadlineIsBounded() {
    List<Integration> r =
        scan(
            """
        package store

        import (
        	"context"
        	"time"

        	"github.com/jackc/pgx/v5/pgxpool"
        )

        func count(ctx context.Context) (int, error) {
        	pool, err := pgxpool.New(ctx, "postgres://orders-db/orders")
        	if err != nil {
        		return 0, err
        	}
        	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
        	defer cancel()
        	var n int
        	err = pool.QueryRow(ctx, "SELECT count(*) FROM orders").Scan(&n)
        	return n, err
        }
        """);
    assertThat(r).hasSize(1);
    assertThat(r.get(0).client).isEqualTo("pgx");
    assertThat(r.get(0).target.get()).isEqualTo("postgres database");
    assertThat(r.get(0).timeout.isExplicit()).isTrue();
    assertThat(r.get(0).timeout.get()).isEqualTo("2 s (context.WithTimeout)");
  }

  @Test
  void pgxConnectWithConnectTimeoutInTheDsnIsBounded() {
    List<Integration> r =
        scan(
            """
        package store

        import (
        	"context"

        	"github.com/jackc/pgx/v5"
        )

        func touch() error {
        	conn, err := pgx.Connect(context.Background(), "postgres://db/app?connect_timeout=5")
        	if err != nil {
        		return err
        	}
        	_, err = conn.Exec(context.Background(), "UPDATE t SET seen = now()")
        	return err
        }
        """);
    assertThat(r).hasSize(1);
    assertThat(r.get(0).timeout.get()).isEqualTo("driver timeouts in the DSN");
    assertThat(r.get(0).timeout.trace().get(0).line()).isEqualTo(10);
  }

  @Test
  void pgxQueryUnderABackgroundContextWithoutDsnTimeoutWaitsForever() {
    List<Integration> r =
        scan(
            """
        package store

        import (
        	"context"

        	"github.com/jackc/pgx/v5/pgxpool"
        )

        var pool, _ = pgxpool.New(context.Background(), "postgres://db/app")

        func touch() error {
        	_, err := pool.Exec(context.Background(), "UPDATE t SET seen = now()")
        	return err
        }
        """);
    assertThat(r).hasSize(1);
    assertThat(none(r.get(0))).isTrue();
    assertThat(r.get(0).timeout.note()).contains("the context has no deadline");
  }
}
