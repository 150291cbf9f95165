package dev.relplan.code.python;

import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.parse.python.PyFile;
import dev.relplan.parse.python.PyNode;
import dev.relplan.source.Location;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Outbound calls of requests, httpx, aiohttp, urllib3, boto3 and the standard library's
 * urllib.request, http.client and sockets ({@link PySockets}), and the timeout and retries that
 * apply to each. Defaults are documented in docs/client-defaults.md.
 */
final class PyCalls {
  private static final Set<String> VERBS =
      Set.of("get", "post", "put", "delete", "patch", "head", "options", "request");
  private static final Set<String> BOTO_NOT_CALLS =
      Set.of(
          "get_paginator",
          "get_waiter",
          "can_paginate",
          "close",
          "generate_presigned_url",
          "generate_presigned_post",
          "Table",
          "Bucket",
          "Queue",
          "Object",
          "Topic");

  private final PyFile f;
  private final PyWaits waits;
  private final PyHttpWaits httpWaits;
  private final PySockets sockets;

  private final PyExports exports;

  PyCalls(PyFile f) {
    this(f, PyExports.NONE);
  }

  /** {@code exports}: the module-level clients other modules of the project make. */
  PyCalls(PyFile f, PyExports exports) {
    this.f = f;
    this.exports = exports;
    this.waits = new PyWaits(f);
    this.httpWaits = new PyHttpWaits(f);
    this.sockets = new PySockets(f, this);
  }

  Integration analyse(PyNode call) {
    PyNode fn = call.field("function");
    if (fn == null) return null;
    String q = f.qualify(fn);
    if (q != null) {
      String module = q.contains(".") ? q.substring(0, q.lastIndexOf('.')) : "";
      String verb = q.substring(q.lastIndexOf('.') + 1);
      if (module.equals("requests") && VERBS.contains(verb)) return requests(call, verb, null);
      if (module.equals("httpx") && (VERBS.contains(verb) || verb.equals("stream")))
        return httpx(call, verb, null);
      if (q.equals("urllib.request.urlopen")) return urlopen(call);
      if (q.equals("socket.create_connection")) return sockets.createConnection(call);
    }
    if (!fn.is("attribute") || fn.field("object") == null || fn.field("attribute") == null)
      return null;
    String method = fn.field("attribute").text();
    PyNode origin = f.origin(fn.field("object"));
    if (origin == null) return importedSession(call, fn.field("object"), method);
    String made = f.qualify(origin.field("function"));
    if (made == null) made = sessionClient(origin);
    if (made == null) return null;
    switch (made) {
      case "requests.Session", "requests.session", "requests.sessions.Session" -> {
        return VERBS.contains(method) ? requests(call, method, origin) : null;
      }
      case "httpx.Client", "httpx.AsyncClient" -> {
        return VERBS.contains(method) || method.equals("stream") || method.equals("send")
            ? httpx(call, method, origin)
            : null;
      }
      case "aiohttp.ClientSession" -> {
        return VERBS.contains(method) || method.equals("ws_connect") ? aiohttp(call, origin) : null;
      }
      case "urllib3.PoolManager", "urllib3.HTTPConnectionPool", "urllib3.HTTPSConnectionPool" -> {
        return method.equals("request") || method.equals("urlopen") ? urllib3(call, origin) : null;
      }
      case "socket.socket" -> {
        return method.equals("connect") || method.equals("connect_ex")
            ? sockets.connect(call, origin)
            : null;
      }
      case "http.client.HTTPConnection", "http.client.HTTPSConnection" -> {
        return method.equals("request") || method.equals("putrequest")
            ? httpClient(call, origin, made)
            : null;
      }
      case "boto3.client", "boto3.resource", "boto3.Session.client", "boto3.Session.resource" -> {
        return BOTO_NOT_CALLS.contains(method) || method.startsWith("_")
            ? null
            : boto3(call, method, origin);
      }
      default -> {
        return null;
      }
    }
  }

  /**
   * {@code session.get(...)} on a requests session another module of the project makes at module
   * level and this one imports; its mounted retries are read in that module. Null otherwise.
   */
  private Integration importedSession(PyNode call, PyNode receiver, String method) {
    if (!VERBS.contains(method) || !receiver.is("identifier")) return null;
    PyExports.Exported e = exports.resolve(f, f.qualify(receiver));
    if (e == null) return null;
    Integration i = requests(call, method, null);
    i.clientLocation = e.file().at(e.created());
    String name = e.created().parent.field("left").text();
    synchronized (e.file()) { // another module's tree may be read by several files' scans at once
      new PyCalls(e.file()).mountedRetries(i, name);
    }
    return i;
  }

  /** {@code boto3.Session(...).client(...)}: a client made from a session object. */
  private String sessionClient(PyNode origin) {
    PyNode fn = origin.field("function");
    if (fn == null || !fn.is("attribute") || fn.field("object") == null) return null;
    String method = fn.field("attribute").text();
    if (!method.equals("client") && !method.equals("resource")) return null;
    PyNode session = f.origin(fn.field("object"));
    String made = session == null ? null : f.qualify(session.field("function"));
    return made != null && (made.equals("boto3.Session") || made.equals("boto3.session.Session"))
        ? "boto3.Session." + method
        : null;
  }

  /**
   * {@code f(**options)}: keyword arguments the scanner cannot see, which may include a timeout.
   */
  private static boolean splatsKeywords(PyNode call) {
    PyNode args = call.field("arguments");
    return args != null && args.children.stream().anyMatch(a -> a.is("dictionary_splat"));
  }

  /**
   * The timeout as read, unless the call passes keyword arguments with ** (then it cannot be told).
   */
  private Value<String> unlessSplat(PyNode call, Value<String> timeout) {
    if (!timeout.isExplicit() && splatsKeywords(call)) {
      return Value.unresolved(
          "the call passes keyword arguments with ** ("
              + shorten(call.field("arguments").text())
              + "), which may set the timeout",
          List.of(f.at(call)));
    }
    return timeout;
  }

  Integration integration(PyNode call, Integration.Kind kind, String client, PyNode origin) {
    PyNode fn = call.field("function");
    PyNode name = fn.is("attribute") && fn.field("attribute") != null ? fn.field("attribute") : fn;
    Integration i = new Integration(f.file, enclosing(call), kind, client, "python", f.at(name));
    i.clientLocation = origin == null ? null : f.at(origin);
    return i;
  }

  // ---- requests: no default timeout at all.

  private Integration requests(PyNode call, String verb, PyNode session) {
    Integration i = integration(call, Integration.Kind.HTTP, "requests", session);
    httpMethod(i, call, verb);
    i.target = target(call, verb.equals("request") ? 1 : 0);
    PyNode timeout = PyFile.kwargs(call).get("timeout");
    if (timeout != null) {
      i.timeout = seconds(timeout, "timeout=None waits forever");
    } else {
      i.timeout =
          none(
              "requests has no default timeout: without timeout= the call can wait forever",
              List.of());
    }
    i.timeout = unlessSplat(call, i.timeout);
    i.attemptSeconds =
        i.timeout.unresolved() ? i.timeout.map(t -> 0.0) : waits.requestsAttempt(timeout);
    i.attempts =
        Value.defaulted(
            1, "requests does not retry: an HTTPAdapter retries nothing unless max_retries is set");
    PyNode object = call.field("function").field("object");
    if (session != null && object != null) mountedRetries(i, object.text());
    return i;
  }

  /** {@code session.mount(prefix, HTTPAdapter(max_retries=...))} in the same function or module. */
  private void mountedRetries(Integration i, String receiver) {
    for (PyNode c : mounts()) {
      PyNode fn = c.field("function");
      if (fn.field("object") == null || !fn.field("object").text().equals(receiver)) continue;
      for (PyNode adapter : c.all("call")) {
        PyNode retries = PyFile.kwargs(adapter).get("max_retries");
        if (retries != null) {
          i.retry =
              Value.explicit(
                  "HTTPAdapter(max_retries=" + shorten(retries.text()) + ")",
                  List.of(f.at(retries)));
          i.attempts = adapterAttempts(retries);
        }
      }
    }
  }

  /**
   * Attempts of a mounted HTTPAdapter: its max_retries is urllib3's retries (a count, or a Retry
   * whose total, or Retry's own default total, is the number of retries after the first attempt).
   */
  private Value<Integer> adapterAttempts(PyNode retries) {
    return httpWaits.urllib3Attempts(retries);
  }

  private List<PyNode> mounts;

  /** Calls of {@code <x>.mount(...)}, collected once. */
  private List<PyNode> mounts() {
    if (mounts == null) {
      mounts =
          f.calls().stream()
              .filter(
                  c -> {
                    PyNode fn = c.field("function");
                    return fn != null
                        && fn.is("attribute")
                        && fn.field("attribute") != null
                        && fn.field("attribute").text().equals("mount");
                  })
              .toList();
    }
    return mounts;
  }

  /**
   * The request's method: the verb called, or the literal first argument of {@code request(method,
   * url)}; and whether the enclosing function names an idempotency key.
   */
  private void httpMethod(Integration i, PyNode call, String verb) {
    PyNode scope = call.ancestor("function_definition");
    i.idempotencyKey = Integration.namesIdempotencyKey((scope != null ? scope : call).text());
    if (!verb.equals("request") && !verb.equals("urlopen")) {
      if (!verb.equals("ws_connect"))
        i.httpMethod = Value.explicit(verb.toUpperCase(Locale.ROOT), List.of(f.at(call)));
      return;
    }
    List<PyNode> args = PyFile.positional(call);
    PyNode method = !args.isEmpty() ? args.get(0) : PyFile.kwargs(call).get("method");
    String literal = method == null ? null : method.stringValue();
    i.httpMethod =
        literal != null
            ? Value.explicit(literal.toUpperCase(Locale.ROOT), List.of(f.at(method)))
            : Value.unresolved("the request's method is not a literal", List.of(f.at(call)));
  }

  // ---- httpx: 5 s default, timeout=None disables it.

  private Integration httpx(PyNode call, String verb, PyNode client) {
    Integration i = integration(call, Integration.Kind.HTTP, "httpx", client);
    httpMethod(i, call, verb.equals("stream") ? "request" : verb);
    i.target = target(call, verb.equals("request") || verb.equals("stream") ? 1 : 0);
    PyNode onCall = PyFile.kwargs(call).get("timeout");
    PyNode onClient = client == null ? null : PyFile.kwargs(client).get("timeout");
    PyNode timeout = onCall != null ? onCall : onClient;
    i.timeout =
        unlessSplat(
            call,
            timeout != null
                ? seconds(timeout, "timeout=None disables httpx's timeouts")
                : Value.defaulted("5 s (httpx default)", "httpx's default timeout applies"));
    i.attemptSeconds =
        i.timeout.unresolved() ? i.timeout.map(t -> 0.0) : httpWaits.httpxAttempt(timeout);
    i.attempts = httpWaits.httpxAttempts(client);
    return unboundedAsWritten(i);
  }

  // ---- aiohttp: ClientTimeout(total=300) by default.

  private Integration aiohttp(PyNode call, PyNode session) {
    Integration i = integration(call, Integration.Kind.HTTP, "aiohttp", session);
    PyNode called = call.field("function").field("attribute");
    httpMethod(i, call, called == null ? "request" : called.text());
    i.target = target(call, 0);
    // timeout=None on a request falls back to the session's, and on a session to the default.
    PyNode onCall = unlessNone(PyFile.kwargs(call).get("timeout"));
    PyNode timeout = onCall != null ? onCall : unlessNone(PyFile.kwargs(session).get("timeout"));
    i.timeout =
        unlessSplat(
            call,
            timeout != null
                ? seconds(timeout, "timeout=None disables aiohttp's timeouts")
                : Value.defaulted(
                    "300 s total (aiohttp default ClientTimeout)",
                    "aiohttp's default ClientTimeout applies"));
    i.attemptSeconds =
        i.timeout.unresolved() ? i.timeout.map(t -> 0.0) : httpWaits.aiohttpAttempt(timeout);
    i.attempts = Value.defaulted(1, "aiohttp does not retry");
    return unboundedAsWritten(i);
  }

  /** The expression, or null when it is the literal None. */
  private static PyNode unlessNone(PyNode expr) {
    return expr == null || expr.is("none") ? null : expr;
  }

  // ---- urllib3: the socket default, i.e. no timeout.

  private Integration urllib3(PyNode call, PyNode pool) {
    Integration i = integration(call, Integration.Kind.HTTP, "urllib3", pool);
    httpMethod(i, call, "request");
    i.target = target(call, 1);
    PyNode onCall = PyFile.kwargs(call).get("timeout");
    PyNode timeout = onCall != null ? onCall : PyFile.kwargs(pool).get("timeout");
    i.timeout =
        unlessSplat(
            call,
            timeout != null
                ? seconds(timeout, "timeout=None waits forever")
                : none(
                    "urllib3's default timeout is the socket default, which blocks forever",
                    List.of()));
    i.attemptSeconds =
        i.timeout.unresolved() ? i.timeout.map(t -> 0.0) : httpWaits.urllib3Attempt(timeout);
    PyNode onCallRetries = unlessNone(PyFile.kwargs(call).get("retries"));
    PyNode retries =
        onCallRetries != null ? onCallRetries : unlessNone(PyFile.kwargs(pool).get("retries"));
    i.attempts = httpWaits.urllib3Attempts(retries);
    return unboundedAsWritten(i);
  }

  /**
   * A timeout written out that leaves a phase unbounded (an httpx.Timeout(None), an aiohttp
   * ClientTimeout without total or sock_read, a urllib3 Timeout without read) lets the call wait
   * forever: it is recorded as no timeout, with the line that sets it.
   */
  private static Integration unboundedAsWritten(Integration i) {
    if (i.timeout.present() && i.attemptSeconds.present() && i.attemptSeconds.get().isInfinite())
      i.timeout =
          none(
              i.client + " timeout " + i.timeout.get() + " leaves a phase of the call unbounded",
              i.attemptSeconds.trace());
    return i;
  }

  // ---- Standard library: the socket default timeout, i.e. none, unless timeout= is given.

  /** Why a standard-library call without timeout= can wait forever. */
  static final String SOCKET_DEFAULT =
      "without timeout= the global socket default applies, which is none: the call can wait"
          + " forever";

  /**
   * {@code urllib.request.urlopen(url_or_request, data=None, timeout=...)}; the target is read from
   * the URL, or from a {@code Request(url)} passed instead.
   */
  private Integration urlopen(PyNode call) {
    Integration i = integration(call, Integration.Kind.HTTP, "urllib.request", null);
    List<PyNode> args = PyFile.positional(call);
    PyNode first = !args.isEmpty() ? args.get(0) : PyFile.kwargs(call).get("url");
    PyNode request = first == null || first.is("string") ? null : f.origin(first);
    boolean isRequest =
        request != null && "urllib.request.Request".equals(f.qualify(request.field("function")));
    i.target = isRequest ? target(request, 0) : target(call, 0);
    return socketTimeout(i, call, argument(call, "timeout", 2));
  }

  /**
   * {@code conn.request(...)} on an {@code http.client.HTTPConnection(host, port, timeout)} or
   * {@code HTTPSConnection(host, port, *, timeout=...)}: the connection's timeout bounds the call.
   */
  private Integration httpClient(PyNode call, PyNode connection, String made) {
    Integration i = integration(call, Integration.Kind.HTTP, "http.client", connection);
    boolean https = made.endsWith("HTTPSConnection");
    PyNode host = argument(connection, "host", 0);
    String hostText = literalPrefix(host);
    if (hostText != null && !hostText.isEmpty() && !hostText.contains("/")) {
      i.target = Value.explicit((https ? "https://" : "http://") + hostText, List.of());
    }
    PyNode timeout = argument(connection, "timeout", https ? -1 : 2);
    socketTimeout(i, connection, timeout);
    return i;
  }

  private PyNode socketDefaultSet;
  private boolean socketDefaultLooked;

  /** A {@code socket.setdefaulttimeout(...)} call in the file, which sets every new socket's. */
  private PyNode socketDefaultSet() {
    if (!socketDefaultLooked) {
      socketDefaultLooked = true;
      socketDefaultSet =
          f.calls().stream()
              .filter(c -> "socket.setdefaulttimeout".equals(f.qualify(c.field("function"))))
              .findFirst()
              .orElse(null);
    }
    return socketDefaultSet;
  }

  /** A keyword argument, else the positional one at {@code index} (-1: keyword only). */
  static PyNode argument(PyNode call, String name, int index) {
    PyNode named = PyFile.kwargs(call).get(name);
    if (named != null || index < 0) return named;
    List<PyNode> args = PyFile.positional(call);
    return args.size() > index && !args.get(index).is("list_splat") ? args.get(index) : null;
  }

  /** Timeout, wait of one attempt and attempts of a call bounded by a socket timeout. */
  Integration socketTimeout(Integration i, PyNode setBy, PyNode timeout) {
    PyNode globalDefault = timeout == null ? socketDefaultSet() : null;
    if (globalDefault != null) {
      i.timeout =
          Value.unresolved(
              "socket.setdefaulttimeout in this file changes the default timeout; whether it runs"
                  + " before this call is not followed",
              List.of(f.at(globalDefault)));
    } else {
      i.timeout =
          unlessSplat(
              setBy,
              timeout != null
                  ? seconds(timeout, "timeout=None waits forever")
                  : none(SOCKET_DEFAULT, List.of()));
    }
    i.attemptSeconds =
        i.timeout.unresolved() ? i.timeout.map(t -> 0.0) : httpWaits.socketAttempt(timeout);
    i.attempts =
        Value.defaulted(1, i.client + " does not retry: a failed call raises to its caller");
    return i;
  }

  // ---- boto3: botocore's 60 s connect and read defaults; Config(retries=...) decides retries.

  private Integration boto3(PyNode call, String method, PyNode client) {
    List<PyNode> args = PyFile.positional(client);
    Map<String, PyNode> kwargs = PyFile.kwargs(client);
    PyNode serviceNode = !args.isEmpty() ? args.get(0) : kwargs.get("service_name");
    String service = serviceNode == null ? null : serviceNode.stringValue();
    Integration i = integration(call, Integration.Kind.AWS_SDK, "boto3", client);
    i.target =
        Value.explicit("AWS " + (service == null ? "service" : service) + " " + method, List.of());
    PyNode configExpr = kwargs.get("config");
    PyNode config = configExpr == null ? null : f.origin(configExpr);
    if (configExpr != null
        && (config == null
            || !"botocore.config.Config".equals(f.qualify(config.field("function"))))) {
      i.timeout =
          Value.unresolved(
              "the botocore Config passed to the client cannot be followed ("
                  + shorten(configExpr.text())
                  + ")",
              List.of());
      i.retry =
          Value.unresolved(
              "the botocore Config passed to the client cannot be followed", List.of());
      i.attemptSeconds = i.timeout.map(t -> 0.0);
      i.attempts = i.retry.map(t -> 0);
      return i;
    }
    Map<String, PyNode> cfg = config == null ? Map.of() : PyFile.kwargs(config);
    PyNode connect = cfg.get("connect_timeout");
    PyNode read = cfg.get("read_timeout");
    if (read != null || connect != null) {
      String text =
          (connect != null ? "connect " + secondsText(connect) : "connect 60 s (default)")
              + ", "
              + (read != null ? "read " + secondsText(read) : "read 60 s (default)");
      i.timeout = Value.explicit(text, List.of(f.at(read != null ? read : connect)));
    } else {
      i.timeout =
          Value.defaulted(
              "connect 60 s, read 60 s (botocore defaults)", "botocore's default timeouts apply");
    }
    i.attemptSeconds = waits.botocoreAttempt(connect, read);
    PyNode retries = cfg.get("retries");
    i.attempts = waits.botocoreAttempts(retries);
    if (retries != null && retries.is("dictionary")) {
      for (PyNode pair : retries.all("pair")) {
        String key = pair.field("key") == null ? null : pair.field("key").stringValue();
        String value = pair.field("value") == null ? "" : pair.field("value").text();
        if ("max_attempts".equals(key) && value.equals("0")
            || "total_max_attempts".equals(key) && value.equals("1")) {
          i.retriesDisabled = Value.explicit(true, List.of(f.at(pair)));
        }
      }
      i.retry =
          Value.explicit(
              (i.retriesDisabled.isTrue() ? "disabled: " : "") + shorten(retries.text()),
              List.of(f.at(retries)));
    } else {
      i.retry =
          Value.defaulted(
              "botocore default retries",
              "botocore retries throttling and transient errors by default");
    }
    return i;
  }

  // ---- Helpers.

  private Value<String> target(PyNode call, int index) {
    List<PyNode> args = PyFile.positional(call);
    PyNode url = args.size() > index ? args.get(index) : PyFile.kwargs(call).get("url");
    String text = literalPrefix(url);
    if (text == null || !text.contains("://")) return Value.absent();
    try {
      java.net.URI u =
          java.net.URI.create(text.replace("{", "%7B").replace("}", "%7D").replace(" ", "%20"));
      if (u.getHost() != null)
        return Value.explicit(
            u.getScheme() + "://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : ""),
            List.of());
    } catch (IllegalArgumentException e) {
      // not a URL
    }
    return Value.absent();
  }

  /**
   * A string literal, the literal part of an f-string before its first placeholder, or a literal +
   * something.
   */
  private String literalPrefix(PyNode n) {
    if (n == null) return null;
    if (n.is("string")) {
      StringBuilder sb = new StringBuilder();
      for (PyNode c : n.children) {
        if (c.is("interpolation")) break;
        if (c.is("string_content")) sb.append(c.text());
      }
      return sb.toString();
    }
    if (n.is("binary_operator") && !n.children.isEmpty()) return literalPrefix(n.children.get(0));
    if (n.is("identifier")) {
      PyNode bound = f.binding(n.text(), n);
      return bound != null && bound.is("string") ? literalPrefix(bound) : null;
    }
    return null;
  }

  private Value<String> seconds(PyNode value, String noneWhy) {
    if (value.is("none")) return none(noneWhy, List.of(f.at(value)));
    return Value.explicit(secondsText(value), List.of(f.at(value)));
  }

  /** 5 → "5 s"; (3, 10) → "connect 3 s, read 10 s"; anything else as written. */
  private String secondsText(PyNode v) {
    if (v.is("integer") || v.is("float")) return v.text() + " s";
    if (v.is("tuple")
        && v.children.size() == 2
        && v.children.stream().allMatch(c -> c.is("integer") || c.is("float"))) {
      return "connect " + v.children.get(0).text() + " s, read " + v.children.get(1).text() + " s";
    }
    if (v.is("identifier")) {
      PyNode bound = f.binding(v.text(), v);
      if (bound != null && (bound.is("integer") || bound.is("float") || bound.is("tuple")))
        return secondsText(bound);
    }
    return "set from " + shorten(v.text());
  }

  static Value<String> none(String why, List<Location> trace) {
    return Value.<String>defaulted(null, why).withTrace(trace);
  }

  static String shorten(String s) {
    s = s.replaceAll("\\s+", " ");
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }

  /** Class.function or module-level function name of the code making the call. */
  static String enclosing(PyNode n) {
    PyNode fn = n.ancestor("function_definition");
    PyNode cls = n.ancestor("class_definition");
    String f = fn == null || fn.field("name") == null ? "<module>" : fn.field("name").text();
    return cls == null || cls.field("name") == null ? f : cls.field("name").text() + "." + f;
  }
}
