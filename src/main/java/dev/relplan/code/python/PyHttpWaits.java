package dev.relplan.code.python;

import dev.relplan.model.Value;
import dev.relplan.parse.python.PyFile;
import dev.relplan.parse.python.PyNode;
import java.util.List;
import java.util.Map;

/**
 * The deadline-budget numbers of httpx, aiohttp and urllib3 calls: how long one attempt can wait
 * and how many attempts the client makes. Defaults and how phases add up: docs/client-defaults.md
 * and docs/deadline-budgets.md.
 */
final class PyHttpWaits {
  /** httpx's default: 5 s for each of the pool, connect, write and read phases. */
  static final double HTTPX_PHASE = 5;

  /** aiohttp's default ClientTimeout total, 5 minutes. */
  static final double AIOHTTP_TOTAL = 300;

  /** The total of a urllib3 Retry built without one. */
  static final int URLLIB3_RETRY_TOTAL = 10;

  private static final String[] URLLIB3_TIMEOUT = {
    "urllib3.Timeout", "urllib3.util.Timeout", "urllib3.util.timeout.Timeout"
  };

  /** urllib3's Retry, also as requests re-exports it. */
  private static final String[] URLLIB3_RETRY = {
    "urllib3.Retry",
    "urllib3.util.Retry",
    "urllib3.util.retry.Retry",
    "requests.adapters.Retry",
    "requests.packages.urllib3.util.retry.Retry",
    "requests.packages.urllib3.Retry"
  };

  private static final List<String> HTTPX_PHASES = List.of("connect", "read", "write", "pool");

  private final PyFile f;
  private final PyWaits waits;

  PyHttpWaits(PyFile f) {
    this.f = f;
    this.waits = new PyWaits(f);
  }

  /**
   * One attempt of an httpx call: waiting for a pooled connection, connecting, writing the request
   * and reading the response are bounded apart, so their timeouts add up (4 × 5 s by default).
   */
  Value<Double> httpxAttempt(PyNode timeout) {
    if (timeout == null)
      return Value.defaulted(
          4 * HTTPX_PHASE,
          "httpx's default timeout, 5 s for each of the pool, connect, write and read phases");
    PyNode literal = waits.literal(timeout);
    if (literal != null && literal.is("none"))
      return Value.explicit(PyWaits.UNBOUNDED, List.of(f.at(timeout)));
    if (literal != null && !literal.is("tuple"))
      return Value.explicit(4 * PyWaits.number(literal), List.of(f.at(timeout)));
    PyNode config = constructed(timeout, "httpx.Timeout");
    if (config == null)
      return Value.unresolved(
          "the httpx timeout is set from " + PyCalls.shorten(timeout.text()) + ", not read",
          List.of(f.at(timeout)));
    List<PyNode> args = PyFile.positional(config);
    Map<String, PyNode> kwargs = PyFile.kwargs(config);
    PyNode every = !args.isEmpty() ? args.get(0) : kwargs.get("timeout");
    double sum = 0;
    for (String phase : HTTPX_PHASES) {
      PyNode set = kwargs.getOrDefault(phase, every);
      PyNode phaseValue = set == null ? null : waits.literal(set);
      if (phaseValue == null || phaseValue.is("tuple"))
        return Value.unresolved(
            "the httpx "
                + phase
                + " timeout of "
                + PyCalls.shorten(config.text())
                + " is not a number",
            List.of(f.at(config)));
      sum += phaseValue.is("none") ? PyWaits.UNBOUNDED : PyWaits.number(phaseValue);
    }
    return Value.explicit(sum, List.of(f.at(timeout)));
  }

  /**
   * Attempts of an httpx client: 1, or 1 + n when its transport is {@code
   * httpx.HTTPTransport(retries=n)} (which retries failed connections).
   */
  Value<Integer> httpxAttempts(PyNode client) {
    PyNode transport = client == null ? null : PyFile.kwargs(client).get("transport");
    PyNode made = transport == null ? null : f.origin(transport);
    String kind = made == null ? null : f.qualify(made.field("function"));
    PyNode retries = made == null ? null : PyFile.kwargs(made).get("retries");
    if (retries != null
        && ("httpx.HTTPTransport".equals(kind) || "httpx.AsyncHTTPTransport".equals(kind)))
      return waits.count(retries, 1);
    if (transport != null && retries == null && kind == null)
      return Value.unresolved(
          "the httpx transport " + PyCalls.shorten(transport.text()) + " cannot be followed",
          List.of(f.at(transport)));
    return Value.defaulted(
        1, "httpx does not retry: only a transport built with retries= retries failed connections");
  }

  /**
   * One attempt of an aiohttp call: a {@code ClientTimeout}'s total bounds the whole request;
   * without one, connecting (connect, else sock_connect) plus sock_read, unbounded when either is
   * missing. The session's default is total 300 s.
   */
  Value<Double> aiohttpAttempt(PyNode timeout) {
    if (timeout == null)
      return Value.defaulted(
          AIOHTTP_TOTAL, "aiohttp's default ClientTimeout: 300 s for the whole request");
    PyNode config = constructed(timeout, "aiohttp.ClientTimeout", "aiohttp.client.ClientTimeout");
    if (config == null)
      return Value.unresolved(
          "the aiohttp timeout is set from "
              + PyCalls.shorten(timeout.text())
              + ", not a ClientTimeout written here",
          List.of(f.at(timeout)));
    Map<String, PyNode> kwargs = PyFile.kwargs(config);
    List<PyNode> args = PyFile.positional(config);
    PyNode total = !args.isEmpty() ? args.get(0) : kwargs.get("total");
    PyNode connect =
        kwargs.containsKey("connect") ? kwargs.get("connect") : kwargs.get("sock_connect");
    PyNode[] fields = {total, connect, kwargs.get("sock_read")};
    double[] seconds = new double[fields.length];
    for (int n = 0; n < fields.length; n++) {
      PyNode literal = fields[n] == null ? null : waits.literal(fields[n]);
      if (fields[n] != null && (literal == null || literal.is("tuple")))
        return Value.unresolved(
            "the aiohttp ClientTimeout field "
                + PyCalls.shorten(fields[n].text())
                + " is not a number",
            List.of(f.at(fields[n])));
      seconds[n] =
          literal == null || literal.is("none") ? PyWaits.UNBOUNDED : PyWaits.number(literal);
    }
    return Value.explicit(Math.min(seconds[0], seconds[1] + seconds[2]), List.of(f.at(timeout)));
  }

  /**
   * One attempt of a urllib3 call: a number bounds connecting and reading apart (so twice it); a
   * {@code Timeout}'s connect plus read, capped by its total; a missing connect or read is the
   * socket default, which blocks, as is no timeout at all.
   */
  Value<Double> urllib3Attempt(PyNode timeout) {
    if (timeout == null)
      return Value.defaulted(
          PyWaits.UNBOUNDED,
          "urllib3's default timeout is the socket default, which blocks forever");
    PyNode literal = waits.literal(timeout);
    if (literal != null && !literal.is("tuple")) return waits.connectAndRead(timeout, literal);
    PyNode config = constructed(timeout, URLLIB3_TIMEOUT);
    if (config == null)
      return Value.unresolved(
          "the urllib3 timeout is set from " + PyCalls.shorten(timeout.text()) + ", not read",
          List.of(f.at(timeout)));
    Map<String, PyNode> kwargs = PyFile.kwargs(config);
    List<PyNode> args = PyFile.positional(config);
    PyNode[] fields = {
      !args.isEmpty() ? args.get(0) : kwargs.get("total"), kwargs.get("connect"), kwargs.get("read")
    };
    double[] seconds = new double[fields.length];
    for (int n = 0; n < fields.length; n++) {
      PyNode value = fields[n] == null ? null : waits.literal(fields[n]);
      if (fields[n] != null && (value == null || value.is("tuple")))
        return Value.unresolved(
            "the urllib3 Timeout field " + PyCalls.shorten(fields[n].text()) + " is not a number",
            List.of(f.at(fields[n])));
      seconds[n] = value == null || value.is("none") ? PyWaits.UNBOUNDED : PyWaits.number(value);
    }
    return Value.explicit(Math.min(seconds[0], seconds[1] + seconds[2]), List.of(f.at(timeout)));
  }

  /**
   * One attempt of a standard-library call (urllib.request, http.client): a number is the socket
   * timeout of connecting and of each blocking read, so twice it, as for requests; no timeout is
   * the global socket default, none.
   */
  Value<Double> socketAttempt(PyNode timeout) {
    if (timeout == null) return Value.defaulted(PyWaits.UNBOUNDED, PyCalls.SOCKET_DEFAULT);
    PyNode literal = waits.literal(timeout);
    if (literal == null || literal.is("tuple"))
      return Value.unresolved(
          "the socket timeout is set from " + PyCalls.shorten(timeout.text()) + ", not a number",
          List.of(f.at(timeout)));
    return waits.connectAndRead(timeout, literal);
  }

  /**
   * Attempts of a urllib3 call: its retries= (on the call, else on the pool), 1 + the retries it
   * allows; without one urllib3's default Retry(3), so 4.
   */
  Value<Integer> urllib3Attempts(PyNode retries) {
    if (retries == null)
      return Value.defaulted(
          4, "urllib3's default Retry(3): the first attempt and up to 3 retries");
    PyNode literal = retries.is("identifier") ? f.binding(retries.text(), retries) : retries;
    if (literal != null && literal.is("false")) return Value.explicit(1, List.of(f.at(retries)));
    if (literal != null && literal.is("integer")) return waits.count(retries, 1);
    PyNode policy = constructed(retries, URLLIB3_RETRY);
    if (policy == null)
      return Value.unresolved(
          "the urllib3 retries are set from " + PyCalls.shorten(retries.text()) + ", not read",
          List.of(f.at(retries)));
    List<PyNode> args = PyFile.positional(policy);
    PyNode total = !args.isEmpty() ? args.get(0) : PyFile.kwargs(policy).get("total");
    if (total == null)
      return Value.explicit(
          1 + URLLIB3_RETRY_TOTAL, List.of(f.at(policy))); // Retry's own default total
    if (total.is("false")) return Value.explicit(1, List.of(f.at(total)));
    if (total.is("none"))
      return Value.unresolved(
          "Retry(total=None) leaves the count to each kind of error", List.of(f.at(total)));
    return waits.count(total, 1);
  }

  /** The call that builds {@code v} when it is one of {@code qualifiedNames}; null otherwise. */
  private PyNode constructed(PyNode v, String... qualifiedNames) {
    PyNode call = f.origin(v);
    if (call == null) return null;
    String made = f.qualify(call.field("function"));
    for (String name : qualifiedNames) if (name.equals(made)) return call;
    return null;
  }
}
