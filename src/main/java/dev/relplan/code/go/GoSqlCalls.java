package dev.relplan.code.go;

import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Queries through database/sql, the wrappers that return or embed its {@code *sql.DB}
 * (XSAM/otelsql, uptrace otelsql, sqlx), and pgx (connections and pools). None of them has a query
 * timeout of its own: a deadline on the context, or driver timeouts in the DSN, bound a query.
 * Defaults and their sources: docs/client-defaults.md, "database/sql".
 */
final class GoSqlCalls {
  /** How a client is opened: its name in the report and where the driver and DSN arguments are. */
  private record Opener(String client, int driverArg, int dsnArg, boolean pgx) {}

  private static final List<String> OTELSQL =
      List.of("github.com/XSAM/otelsql", "github.com/uptrace/opentelemetry-go-extra/otelsql");
  private static final String SQLX = "github.com/jmoiron/sqlx";
  private static final String PGX = "github.com/jackc/pgx/";

  private static final Set<String> SQL_METHODS =
      Set.of(
          "Query",
          "QueryContext",
          "QueryRow",
          "QueryRowContext",
          "Exec",
          "ExecContext",
          "Prepare",
          "PrepareContext",
          "Begin",
          "BeginTx",
          "Ping",
          "PingContext");

  /** sqlx's own query helpers, beside the database/sql methods its DB embeds. */
  private static final Set<String> SQLX_METHODS =
      Set.of(
          "Get",
          "GetContext",
          "Select",
          "SelectContext",
          "Queryx",
          "QueryxContext",
          "QueryRowx",
          "QueryRowxContext",
          "NamedExec",
          "NamedExecContext",
          "NamedQuery",
          "NamedQueryContext",
          "MustExec",
          "MustExecContext",
          "Preparex",
          "PreparexContext",
          "Beginx",
          "BeginTxx",
          "MustBegin");

  /** pgx's connection and pool methods that reach the server; each takes the context first. */
  private static final Set<String> PGX_METHODS =
      Set.of(
          "Query",
          "QueryRow",
          "Exec",
          "SendBatch",
          "Begin",
          "BeginTx",
          "CopyFrom",
          "Ping",
          "Acquire",
          "Prepare");

  private final GoFile f;
  private final GoDeadlines deadlines;

  GoSqlCalls(GoFile f, GoDeadlines deadlines) {
    this.f = f;
    this.deadlines = deadlines;
  }

  private static Opener opener(String path, String member) {
    boolean open = member.equals("Open") || member.equals("OpenDB");
    if (path.equals("database/sql") && open) return new Opener("database/sql", 0, 1, false);
    if (OTELSQL.contains(path) && open) return new Opener("database/sql (otelsql)", 0, 1, false);
    if (path.equals(SQLX)) {
      return switch (member) {
        case "Open", "Connect", "MustOpen", "MustConnect" -> new Opener("sqlx", 0, 1, false);
        case "ConnectContext" -> new Opener("sqlx", 1, 2, false);
        case "NewDb" -> new Opener("sqlx", 1, -1, false);
        default -> null;
      };
    }
    if (path.startsWith(PGX) && (path.endsWith("/pgxpool") || isPgxRoot(path))) {
      return switch (member) {
        case "New", "Connect" -> new Opener("pgx", -1, 1, true);
        case "NewWithConfig", "ConnectConfig" -> new Opener("pgx", -1, -1, true);
        default -> null;
      };
    }
    return null;
  }

  /** {@code github.com/jackc/pgx/v5} itself (not one of its other packages). */
  private static boolean isPgxRoot(String path) {
    String rest = path.substring(PGX.length());
    return rest.length() > 1
        && rest.charAt(0) == 'v'
        && rest.substring(1).chars().allMatch(Character::isDigit);
  }

  /**
   * The query a call makes through a client opened at {@code open} ({@code made} is what opened
   * it), or null when that is none of these clients or the method reaches no server.
   */
  Integration analyse(GoNode call, String method, GoNode open, String made) {
    Opener o = opener(GoFile.pathOf(made), GoFile.memberOf(made));
    if (o == null) return null;
    boolean query =
        o.pgx()
            ? PGX_METHODS.contains(method)
            : SQL_METHODS.contains(method)
                || o.client().equals("sqlx") && SQLX_METHODS.contains(method);
    return query ? query(call, method, open, o) : null;
  }

  private Integration query(GoNode call, String method, GoNode open, Opener o) {
    Integration i = GoCalls.integration(f, call, Integration.Kind.DATABASE, o.client(), open);
    List<GoNode> openArgs = GoFile.args(open);
    String driver = o.pgx() ? "postgres" : GoCalls.literal(f, arg(openArgs, o.driverArg()));
    if (driver != null) i.target = Value.explicit(driver + " database", List.of());
    List<GoNode> args = GoFile.args(call);
    boolean withContext =
        o.pgx()
            || method.endsWith("Context")
            || method.equals("BeginTx")
            || method.equals("BeginTxx");
    Value<String> deadline =
        withContext && !args.isEmpty() ? deadlines.of(args.get(0)) : Value.absent();
    if (deadline.isExplicit()) {
      i.timeout = deadline;
      return i;
    }
    GoNode dsnExpr = arg(openArgs, o.dsnArg());
    String dsn = dsnExpr == null ? null : GoCalls.literal(f, dsnExpr);
    String own = o.client() + " has no timeout of its own";
    if (dsn != null && dsn.toLowerCase(Locale.ROOT).contains("timeout")) {
      i.timeout = Value.explicit("driver timeouts in the DSN", List.of(f.at(dsnExpr)));
    } else if (dsn == null) {
      i.timeout =
          Value.unresolved(
              (dsnExpr == null
                      ? "the client is opened from a config or connector value, not a DSN"
                      : "the DSN is not a literal")
                  + ", so driver timeouts set in it cannot be read"
                  + (deadline.unresolved() ? ", and " + deadline.note() : ""),
              List.of(f.at(open)));
    } else if (deadline.unresolved()) {
      i.timeout =
          Value.unresolved(own + " and the DSN sets none; " + deadline.note(), deadline.trace());
    } else {
      i.timeout =
          GoCalls.none(
              own
                  + ", the DSN sets no driver timeout"
                  + (withContext
                      ? " and the context has no deadline"
                      : " and the call takes no context"),
              List.of());
    }
    return i;
  }

  private static GoNode arg(List<GoNode> args, int index) {
    return index >= 0 && index < args.size() ? args.get(index) : null;
  }
}
