package dev.relplan.code.python;

import static dev.relplan.code.python.PyCalls.none;
import static dev.relplan.code.python.PyCalls.shorten;

import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.parse.python.PyFile;
import dev.relplan.parse.python.PyNode;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Database and cache clients created in Python code: psycopg 2 and 3 connections and pools,
 * redis-py clients and SQLAlchemy engines. Like a JDBC pool or a node-postgres Pool, the creation
 * site is the integration: its settings bound every query made through it. Defaults are documented
 * in docs/client-defaults.md.
 */
final class PyDatabases {
  private final PyFile f;

  PyDatabases(PyFile f) {
    this.f = f;
  }

  /** The integration a call creates, or null when it creates none of these clients. */
  Integration creation(PyNode call) {
    String q = f.qualify(call.field("function"));
    if (q == null) return null;
    return switch (q) {
      case "psycopg2.connect",
          "psycopg.connect",
          "psycopg.Connection.connect",
          "psycopg.AsyncConnection.connect" ->
          psycopg(call, q.startsWith("psycopg2") ? "psycopg2" : "psycopg", false);
      case "psycopg2.pool.SimpleConnectionPool", "psycopg2.pool.ThreadedConnectionPool" ->
          psycopg2Pool(call);
      case "psycopg_pool.ConnectionPool",
          "psycopg_pool.AsyncConnectionPool",
          "psycopg_pool.NullConnectionPool",
          "psycopg_pool.AsyncNullConnectionPool" ->
          psycopg(call, "psycopg_pool", true);
      case "redis.Redis",
          "redis.StrictRedis",
          "redis.asyncio.Redis",
          "redis.asyncio.StrictRedis",
          "redis.client.Redis",
          "redis.RedisCluster",
          "redis.cluster.RedisCluster",
          "redis.asyncio.RedisCluster",
          "redis.asyncio.cluster.RedisCluster" ->
          redis(call, false);
      case "redis.from_url",
          "redis.Redis.from_url",
          "redis.StrictRedis.from_url",
          "redis.asyncio.from_url",
          "redis.asyncio.Redis.from_url" ->
          redis(call, true);
      case "sqlalchemy.create_engine", "sqlalchemy.ext.asyncio.create_async_engine" ->
          sqlalchemy(call);
      default -> null;
    };
  }

  private Integration integration(PyNode call, String client) {
    return clientCreated(f, call, Integration.Kind.DATABASE, client);
  }

  /**
   * The integration a call that creates a client is, cited at the constructor's name (the client is
   * made there too): stores, brokers and search clients alike.
   */
  static Integration clientCreated(PyFile f, PyNode call, Integration.Kind kind, String client) {
    PyNode fn = call.field("function");
    PyNode name = fn.is("attribute") && fn.field("attribute") != null ? fn.field("attribute") : fn;
    Integration i =
        new Integration(f.file, PyCalls.enclosing(call), kind, client, "python", f.at(name));
    i.clientLocation = f.at(name);
    return i;
  }

  // ---- psycopg: PostgreSQL's statement_timeout is 0 (none) unless the connection sets it; libpq
  // waits indefinitely to connect.

  /**
   * psycopg2.pool: {@code (minconn, maxconn, *args, **kwargs)}, the rest passed to
   * psycopg2.connect; no wait for a connection (PoolError when exhausted).
   */
  private Integration psycopg2Pool(PyNode call) {
    Map<String, PyNode> kwargs = PyFile.kwargs(call);
    List<PyNode> args = PyFile.positional(call);
    Integration i = psycopg(call, "psycopg2.pool", false, 2);
    PyNode min = args.size() > 0 ? args.get(0) : kwargs.get("minconn");
    PyNode max = args.size() > 1 ? args.get(1) : kwargs.get("maxconn");
    if (min != null && max != null) {
      i.pool =
          Value.explicit(
              "minconn " + shorten(min.text()) + ", maxconn " + shorten(max.text()),
              List.of(f.at(min), f.at(max)));
    }
    return i;
  }

  private Integration psycopg(PyNode call, String client, boolean pool) {
    return psycopg(call, client, pool, 0);
  }

  private Integration psycopg(PyNode call, String client, boolean pool, int dsnAt) {
    Integration i = integration(call, client);
    Map<String, PyNode> kwargs = PyFile.kwargs(call);
    List<PyNode> args = PyFile.positional(call);
    PyNode dsn =
        args.size() > dsnAt ? args.get(dsnAt) : kwargs.getOrDefault("conninfo", kwargs.get("dsn"));
    Map<String, PyNode> params = kwargs;
    if (pool) {
      pool(i, kwargs);
      PyNode connectArgs = kwargs.get("kwargs");
      PyNode dict = connectArgs == null ? null : dictionary(connectArgs);
      if (connectArgs != null && dict == null) {
        i.timeout =
            Value.unresolved(
                "the connection parameters come from "
                    + shorten(connectArgs.text())
                    + ", which may set options=-c statement_timeout",
                List.of(f.at(connectArgs)));
        return i;
      }
      params = dict == null ? Map.of() : entries(dict);
    }
    if (splat(call) || params.values().stream().anyMatch(v -> v == null)) {
      i.timeout =
          Value.unresolved(
              "the connection takes keyword arguments with ** ("
                  + shorten(call.field("arguments").text())
                  + "), which may set options=-c statement_timeout",
              List.of(f.at(call)));
      return i;
    }
    String dsnText = dsn == null ? null : string(dsn);
    String host = string(params.get("host"));
    if (dsnText != null && host == null) host = dsnHost(dsnText);
    if (host != null && !host.isEmpty()) i.target = Value.explicit("PostgreSQL " + host, List.of());
    i.timeout =
        statementTimeout(call, client, pool ? kwargs.get("configure") : null, params, dsn, dsnText);
    return i;
  }

  /**
   * The connection's statement_timeout (options= first, then the DSN), with its connect_timeout;
   * Cannot Determine when either comes from something the file does not spell out or another place
   * may set it.
   */
  private Value<String> statementTimeout(
      PyNode call,
      String client,
      PyNode configure,
      Map<String, PyNode> params,
      PyNode dsn,
      String dsnText) {
    PyNode options = params.get("options");
    PyNode connect = params.get("connect_timeout");
    String connectText =
        connect != null
            ? "connect_timeout " + seconds(connect)
            : dsnText != null && setting(dsnText, "connect_timeout") != null
                ? "connect_timeout " + setting(dsnText, "connect_timeout") + " s (DSN)"
                : null;
    String statement = null;
    Location at = null;
    if (options != null) {
      String text = string(options);
      if (text == null) {
        return Value.unresolved(
            "options= comes from " + shorten(options.text()) + ", which may set statement_timeout",
            List.of(f.at(options)));
      }
      statement = setting(text, "statement_timeout");
      at = f.at(options);
    }
    if (statement == null && dsn != null) {
      if (dsnText == null) {
        return Value.unresolved(
            "the connection string comes from "
                + shorten(dsn.text())
                + ", which may set options=-c statement_timeout (and connect_timeout)",
            List.of(f.at(dsn)));
      }
      statement = setting(dsnText, "statement_timeout");
      at = f.at(dsn);
    }
    PyNode sql = statement == null ? sqlSettingStatementTimeout(call) : null;
    if (statement == null && (configure != null || sql != null)) {
      return configure != null
          ? Value.unresolved(
              "the pool's configure= callback ("
                  + shorten(configure.text())
                  + ") may set statement_timeout on each connection",
              List.of(f.at(configure)))
          : Value.unresolved(
              "the file sets statement_timeout in SQL ("
                  + shorten(sql.text())
                  + ", line "
                  + sql.line
                  + "), which may apply to this connection",
              List.of(f.at(sql)));
    }
    if (statement != null && !statement.equals("0")) {
      return Value.explicit(
          "statement_timeout "
              + statement
              + (statement.chars().allMatch(Character::isDigit) ? " ms" : "")
              + (connectText != null ? ", " + connectText : ""),
          List.of(at));
    }
    return none(
        (statement != null
                ? "statement_timeout=0 disables PostgreSQL's statement timeout, so a query can wait forever"
                : "psycopg sets no statement_timeout (PostgreSQL's default is 0, none), so a query can wait forever")
            + (connectText != null
                ? ""
                : client.startsWith("psycopg2")
                    ? "; without connect_timeout libpq waits indefinitely to connect"
                    : "; without connect_timeout only psycopg's own 130 s default bounds connecting"),
        statement != null ? List.of(at) : connect != null ? List.of(f.at(connect)) : List.of());
  }

  /**
   * psycopg_pool: min_size 4, max_size = min_size, timeout 30 s to get a connection, max_idle 600
   * s.
   */
  private void pool(Integration i, Map<String, PyNode> kwargs) {
    List<String> set = new ArrayList<>();
    List<Location> at = new ArrayList<>();
    for (String key :
        List.of("min_size", "max_size", "timeout", "max_idle", "max_lifetime", "max_waiting")) {
      PyNode v = kwargs.get(key);
      if (v == null) continue;
      set.add(
          key
              + " "
              + shorten(v.text())
              + (key.equals("min_size") || key.equals("max_size") || key.equals("max_waiting")
                  ? ""
                  : " s"));
      at.add(f.at(v));
    }
    i.pool =
        set.isEmpty()
            ? Value.defaulted(
                "psycopg_pool defaults: min_size 4, max_size = min_size, timeout 30 s, max_idle 600 s",
                "psycopg_pool's defaults apply")
            : Value.explicit(String.join(", ", set), at);
  }

  // ---- redis-py: socket_timeout None (no timeout) by default; socket_connect_timeout bounds only
  // connecting.

  private Integration redis(PyNode call, boolean fromUrl) {
    Integration i = integration(call, fromUrl ? "redis-py (from_url)" : "redis-py");
    Map<String, PyNode> kwargs = PyFile.kwargs(call);
    List<PyNode> args = PyFile.positional(call);
    PyNode url = fromUrl ? (!args.isEmpty() ? args.get(0) : kwargs.get("url")) : null;
    String urlText = url == null ? null : string(url);
    String host =
        fromUrl
            ? (urlText == null ? null : dsnHost(urlText))
            : string(
                kwargs.get("host") != null
                    ? kwargs.get("host")
                    : args.isEmpty() ? null : args.get(0));
    if (host != null && !host.isEmpty()) i.target = Value.explicit("Redis " + host, List.of());
    Map<String, PyNode> settings = kwargs;
    PyNode poolArg = kwargs.get("connection_pool");
    if (poolArg != null) {
      PyNode pool = f.origin(poolArg);
      String made = pool == null ? null : f.qualify(pool.field("function"));
      if (made == null || !(made.endsWith("ConnectionPool") && made.startsWith("redis."))) {
        i.timeout =
            Value.unresolved(
                "the connection pool passed to the client cannot be followed ("
                    + shorten(poolArg.text())
                    + ")",
                List.of(f.at(poolArg)));
        return i;
      }
      settings = PyFile.kwargs(pool);
      if (splat(pool)) {
        i.timeout =
            Value.unresolved(
                "the connection pool takes keyword arguments with **, which may set socket_timeout",
                List.of(f.at(pool)));
        return i;
      }
      i.clientLocation = f.at(pool);
    }
    PyNode maxConnections = settings.get("max_connections");
    if (maxConnections != null)
      i.pool =
          Value.explicit(
              "max_connections " + shorten(maxConnections.text()), List.of(f.at(maxConnections)));
    PyNode timeout = settings.get("socket_timeout");
    String urlTimeout = urlText == null ? null : setting(urlText, "socket_timeout");
    if (timeout != null) {
      i.timeout =
          timeout.is("none")
              ? none("socket_timeout=None: a command can wait forever", List.of(f.at(timeout)))
              : Value.explicit("socket_timeout " + seconds(timeout), List.of(f.at(timeout)));
    } else if (urlTimeout != null) {
      i.timeout = Value.explicit("socket_timeout " + urlTimeout + " s (URL)", List.of(f.at(url)));
    } else if (splat(call)) {
      i.timeout =
          Value.unresolved(
              "the client takes keyword arguments with ** ("
                  + shorten(call.field("arguments").text())
                  + "), which may set socket_timeout",
              List.of(f.at(call)));
    } else if (url != null && urlText == null) {
      i.timeout =
          Value.unresolved(
              "the URL comes from "
                  + shorten(url.text())
                  + ", whose query parameters may set socket_timeout",
              List.of(f.at(url)));
    } else {
      PyNode connect = settings.get("socket_connect_timeout");
      i.timeout =
          none(
              "redis-py sets no socket_timeout by default (None), so a command can wait forever"
                  + (connect != null ? " (socket_connect_timeout bounds only connecting)" : ""),
              connect == null ? List.of() : List.of(f.at(connect)));
    }
    return i;
  }

  // ---- SQLAlchemy: a QueuePool waits pool_timeout (30 s) for a connection, like HikariCP's
  // connectionTimeout.

  private Integration sqlalchemy(PyNode call) {
    Map<String, PyNode> kwargs = PyFile.kwargs(call);
    List<PyNode> args = PyFile.positional(call);
    PyNode url = !args.isEmpty() ? args.get(0) : kwargs.get("url");
    String urlText = url == null ? null : string(url);
    if (urlText != null && urlText.startsWith("sqlite"))
      return null; // a local file, nothing to wait for
    Integration i = integration(call, "SQLAlchemy");
    String host = urlText == null ? null : dsnHost(urlText);
    if (host != null && !host.isEmpty()) {
      String dialect = urlText.substring(0, urlText.indexOf("://")).split("\\+")[0];
      i.target = Value.explicit(dialect + " " + host, List.of());
    }
    List<String> set = new ArrayList<>();
    List<Location> at = new ArrayList<>();
    for (String key :
        List.of("pool_size", "max_overflow", "pool_timeout", "pool_recycle", "pool_pre_ping")) {
      PyNode v = kwargs.get(key);
      if (v == null) continue;
      set.add(
          key
              + " "
              + shorten(v.text())
              + (key.equals("pool_timeout") || key.equals("pool_recycle") ? " s" : ""));
      at.add(f.at(v));
    }
    i.pool =
        set.isEmpty()
            ? Value.defaulted(
                "SQLAlchemy QueuePool defaults: pool_size 5, max_overflow 10, pool_timeout 30 s",
                "SQLAlchemy's defaults apply")
            : Value.explicit(String.join(", ", set), at);
    PyNode poolClass = kwargs.get("poolclass");
    PyNode poolTimeout = kwargs.get("pool_timeout");
    if (poolClass != null && !"sqlalchemy.pool.QueuePool".equals(f.qualify(poolClass))) {
      i.timeout =
          Value.unresolved(
              "poolclass="
                  + shorten(poolClass.text())
                  + " replaces the QueuePool and its pool_timeout; the driver's own timeouts decide",
              List.of(f.at(poolClass)));
    } else if (poolTimeout != null) {
      i.timeout =
          poolTimeout.is("none")
              ? none(
                  "pool_timeout=None waits forever for a pooled connection",
                  List.of(f.at(poolTimeout)))
              : Value.explicit(
                  "pool checkout " + seconds(poolTimeout) + " (pool_timeout)",
                  List.of(f.at(poolTimeout)));
    } else if (splat(call)) {
      i.timeout =
          Value.unresolved(
              "the engine takes keyword arguments with ** ("
                  + shorten(call.field("arguments").text())
                  + "), which may choose the pool",
              List.of(f.at(call)));
    } else {
      i.timeout =
          Value.defaulted(
              "30 s pool checkout (SQLAlchemy default pool_timeout)",
              "SQLAlchemy's default pool_timeout applies");
    }
    return i;
  }

  // ---- Helpers.

  /** "5 s" for a number (or a name bound to one), "set from X" for anything else. */
  private String seconds(PyNode v) {
    PyNode n = v.is("identifier") ? f.binding(v.text(), v) : v;
    if (n != null && (n.is("integer") || n.is("float"))) return n.text() + " s";
    return "set from " + shorten(v.text());
  }

  private List<PyNode> sqlStrings;

  /**
   * A string literal elsewhere in the file that mentions statement_timeout (e.g. {@code SET
   * statement_timeout = 5000} executed after connecting, or in a pool's configure callback): the
   * connection may be bounded that way.
   */
  private PyNode sqlSettingStatementTimeout(PyNode creation) {
    if (sqlStrings == null) {
      // SQL only ("SET [LOCAL|SESSION] statement_timeout ...", "select
      // set_config('statement_timeout', ...)"), not conninfo or options strings
      sqlStrings =
          f.root.all("string").stream()
              .filter(
                  n -> {
                    StringBuilder sb = new StringBuilder();
                    for (PyNode c : n.children) if (c.is("string_content")) sb.append(c.text());
                    String v = sb.toString().strip().toLowerCase(java.util.Locale.ROOT);
                    return v.contains("statement_timeout")
                        && (v.startsWith("set ") || v.contains("set_config"));
                  })
              .toList();
    }
    for (PyNode n : sqlStrings) {
      boolean inside = false;
      for (PyNode p = n; p != null; p = p.parent) if (p == creation) inside = true;
      if (!inside) return n;
    }
    return null;
  }

  static boolean splat(PyNode call) {
    PyNode args = call.field("arguments");
    return args != null && args.children.stream().anyMatch(a -> a.is("dictionary_splat"));
  }

  /**
   * A plain string literal, or a name bound to one; null for anything else (f-strings, os.environ,
   * parameters).
   */
  String string(PyNode n) {
    if (n == null) return null;
    String s = n.stringValue();
    if (s != null) return s;
    if (n.is("concatenated_string")) {
      StringBuilder sb = new StringBuilder();
      for (PyNode c : n.children) {
        String part = c.stringValue();
        if (part == null) return null;
        sb.append(part);
      }
      return sb.toString();
    }
    if (n.is("identifier")) {
      PyNode bound = f.binding(n.text(), n);
      return bound == null || bound == n ? null : bound.stringValue();
    }
    return null;
  }

  /** A dict literal (or dict(...) call), directly or through a name. */
  private PyNode dictionary(PyNode n) {
    if (n.is("dictionary")) return n;
    if (n.is("call") && "dict".equals(n.field("function").text())) return n;
    if (n.is("identifier")) {
      PyNode bound = f.binding(n.text(), n);
      return bound != null
              && bound != n
              && (bound.is("dictionary")
                  || bound.is("call") && "dict".equals(bound.field("function").text()))
          ? bound
          : null;
    }
    return null;
  }

  /**
   * Entries of a dict literal with string keys, or of dict(k=v); a ** splat or computed key maps to
   * null (cannot be read).
   */
  private static Map<String, PyNode> entries(PyNode dict) {
    Map<String, PyNode> out = new LinkedHashMap<>();
    if (dict.is("call")) {
      PyNode args = dict.field("arguments");
      if (args != null)
        for (PyNode a : args.children) {
          if (a.is("keyword_argument") && a.field("name") != null)
            out.put(a.field("name").text(), a.field("value"));
          else if (!a.is("comment")) out.put("**", null);
        }
      return out;
    }
    for (PyNode c : dict.children) {
      if (c.is("pair") && c.field("key") != null && c.field("key").stringValue() != null)
        out.put(c.field("key").stringValue(), c.field("value"));
      else if (!c.is("comment")) out.put("**", null);
    }
    return out;
  }

  /**
   * The value of a libpq or URL setting written in a literal string: {@code key=value} in a
   * conninfo string or URL query ({@code -c statement_timeout=5s} inside options, or URL-encoded as
   * {@code statement_timeout%3D5s}); null when absent.
   */
  static String setting(String text, String key) {
    String decoded = text.replace("%3D", "=").replace("%3d", "=").replace("%20", " ");
    int from = 0;
    while (true) {
      int k = decoded.indexOf(key, from);
      if (k < 0) return null;
      from = k + key.length();
      boolean boundary =
          k == 0
              || !Character.isLetterOrDigit(decoded.charAt(k - 1)) && decoded.charAt(k - 1) != '_';
      int eq = from;
      while (eq < decoded.length() && decoded.charAt(eq) == ' ') eq++;
      if (!boundary || eq >= decoded.length() || decoded.charAt(eq) != '=') continue;
      int v = eq + 1;
      while (v < decoded.length() && decoded.charAt(v) == ' ') v++;
      int end = v;
      while (end < decoded.length() && " '&\"%;".indexOf(decoded.charAt(end)) < 0) end++;
      String value = decoded.substring(v, end);
      return value.isEmpty() ? null : value;
    }
  }

  /**
   * The host of a URL ({@code postgresql://u:p@db:5432/x}) or of a conninfo string ({@code host=db
   * dbname=x}).
   */
  static String dsnHost(String dsn) {
    int scheme = dsn.indexOf("://");
    if (scheme > 0) {
      String rest = dsn.substring(scheme + 3);
      int at = rest.lastIndexOf('@', rest.indexOf('/') < 0 ? rest.length() - 1 : rest.indexOf('/'));
      if (at >= 0) rest = rest.substring(at + 1);
      int end = 0;
      while (end < rest.length() && "/:?,".indexOf(rest.charAt(end)) < 0) end++;
      return rest.substring(0, end);
    }
    return setting(dsn, "host");
  }
}
