package dev.relplan.code.python;

import static dev.relplan.code.python.PyCalls.shorten;

import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.parse.python.PyFile;
import dev.relplan.parse.python.PyNode;
import java.util.List;
import java.util.Map;

/**
 * Elasticsearch and OpenSearch clients created in Python. Both bound every request by 10 s unless
 * the creation sets its own timeout ({@code request_timeout=} in elasticsearch-py 8, {@code
 * timeout=} in elasticsearch-py 7 and opensearch-py); None disables it. Sources:
 * docs/client-defaults.md, "Elasticsearch and OpenSearch".
 */
final class PySearch {
  private final PyFile f;
  private final PyDatabases literals;

  PySearch(PyFile f, PyDatabases literals) {
    this.f = f;
    this.literals = literals;
  }

  /** The integration a call creates, or null when it creates no search client. */
  Integration creation(PyNode call) {
    String q = f.qualify(call.field("function"));
    if (q == null) return null;
    return switch (q) {
      case "elasticsearch.Elasticsearch", "elasticsearch.AsyncElasticsearch" ->
          client(call, "elasticsearch-py", "Elasticsearch");
      case "opensearchpy.OpenSearch", "opensearchpy.AsyncOpenSearch" ->
          client(call, "opensearch-py", "OpenSearch");
      default -> null;
    };
  }

  private Integration client(PyNode call, String library, String store) {
    Integration i = PyDatabases.clientCreated(f, call, Integration.Kind.DATABASE, library);
    Map<String, PyNode> kwargs = PyFile.kwargs(call);
    List<PyNode> args = PyFile.positional(call);
    PyNode hosts = !args.isEmpty() ? args.get(0) : kwargs.get("hosts");
    String host = hosts == null ? null : firstHost(hosts);
    if (host != null) i.target = Value.explicit(store + " " + host, List.of());
    String option = kwargs.containsKey("request_timeout") ? "request_timeout" : "timeout";
    PyNode timeout = kwargs.get(option);
    if (timeout != null && timeout.is("none")) {
      i.timeout =
          Value.<String>defaulted(
                  null, option + "=None: " + library + " waits for a response forever")
              .withTrace(List.of(f.at(timeout)));
    } else if (timeout != null) {
      PyNode bound = timeout.is("identifier") ? f.binding(timeout.text(), timeout) : timeout;
      String seconds =
          bound != null && (bound.is("integer") || bound.is("float"))
              ? bound.text() + " s"
              : "set from " + shorten(timeout.text());
      i.timeout = Value.explicit(option + " " + seconds, List.of(f.at(timeout)));
    } else if (PyDatabases.splat(call)) {
      i.timeout =
          Value.unresolved(
              "the client takes keyword arguments with ** ("
                  + shorten(call.field("arguments").text())
                  + "), which may set request_timeout or timeout",
              List.of(f.at(call)));
    } else {
      i.timeout =
          Value.defaulted(
              "10 s per request (" + library + " default)",
              library + "'s default request timeout applies");
    }
    return i;
  }

  /** The first host of a literal string or list of strings. */
  private String firstHost(PyNode hosts) {
    PyNode first = hosts.is("list") && !hosts.children.isEmpty() ? hosts.children.get(0) : hosts;
    String text = literals.string(first);
    if (text == null) return null;
    String host = AmqpUrls.host(text);
    return host != null ? host : text;
  }
}
