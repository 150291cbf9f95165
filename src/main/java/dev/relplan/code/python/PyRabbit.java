package dev.relplan.code.python;

import static dev.relplan.code.python.PyCalls.shorten;

import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.parse.python.PyFile;
import dev.relplan.parse.python.PyNode;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RabbitMQ connections created with pika ({@code BlockingConnection}, {@code SelectConnection}).
 * pika bounds connecting ({@code socket_timeout} 10 s, {@code stack_timeout} 15 s) but not a
 * publish: while the broker blocks publishers (memory or disk alarm) the connection stays blocked
 * until {@code blocked_connection_timeout}, which defaults to None. Sources:
 * docs/client-defaults.md, "RabbitMQ".
 */
final class PyRabbit {
  static final String BLOCKED = "blocked_connection_timeout";

  private final PyFile f;
  private final PyDatabases literals;

  PyRabbit(PyFile f, PyDatabases literals) {
    this.f = f;
    this.literals = literals;
  }

  /** The integration a call creates, or null when it creates no pika connection. */
  Integration creation(PyNode call) {
    String q = f.qualify(call.field("function"));
    if (q == null) return null;
    return switch (q) {
      case "pika.BlockingConnection",
          "pika.SelectConnection",
          "pika.adapters.blocking_connection.BlockingConnection",
          "pika.adapters.asyncio_connection.AsyncioConnection",
          "pika.adapters.tornado_connection.TornadoConnection",
          "pika.adapters.gevent_connection.GeventConnection" ->
          connection(call);
      default -> null;
    };
  }

  private Integration connection(PyNode call) {
    Integration i = PyDatabases.clientCreated(f, call, Integration.Kind.MESSAGING, "pika");
    List<PyNode> args = PyFile.positional(call);
    PyNode parameters = !args.isEmpty() ? args.get(0) : PyFile.kwargs(call).get("parameters");
    if (parameters == null) {
      i.timeout = unbounded(List.of());
      return i;
    }
    PyNode created = f.origin(parameters);
    String kind = created == null ? null : f.qualify(created.field("function"));
    if ("pika.ConnectionParameters".equals(kind)) {
      i.timeout = fromParameters(created, i);
    } else if ("pika.URLParameters".equals(kind)) {
      i.timeout = fromUrl(created, i);
    } else {
      i.timeout =
          Value.unresolved(
              "the connection parameters come from "
                  + shorten(parameters.text())
                  + ", which may set "
                  + BLOCKED,
              List.of(f.at(parameters)));
    }
    return i;
  }

  private Value<String> fromParameters(PyNode parameters, Integration i) {
    Map<String, PyNode> kwargs = PyFile.kwargs(parameters);
    String host = literals.string(kwargs.get("host"));
    if (host == null && !PyFile.positional(parameters).isEmpty())
      host = literals.string(PyFile.positional(parameters).get(0));
    if (host != null) i.target = Value.explicit("RabbitMQ " + host, List.of());
    PyNode blocked = kwargs.get(BLOCKED);
    List<Location> at = new ArrayList<>(List.of(f.at(parameters)));
    if (blocked != null && !blocked.is("none")) {
      PyNode bound = blocked.is("identifier") ? f.binding(blocked.text(), blocked) : blocked;
      String seconds =
          bound != null && (bound.is("integer") || bound.is("float"))
              ? bound.text() + " s"
              : "set from " + shorten(blocked.text());
      return Value.explicit(BLOCKED + " " + seconds, List.of(f.at(blocked)));
    }
    if (blocked != null) at.add(f.at(blocked));
    if (blocked == null && PyDatabases.splat(parameters))
      return Value.unresolved(
          "the connection parameters take keyword arguments with ** ("
              + shorten(parameters.field("arguments").text())
              + "), which may set "
              + BLOCKED,
          List.of(f.at(parameters)));
    return unbounded(at);
  }

  /** pika reads blocked_connection_timeout from the URL's query as well. */
  private Value<String> fromUrl(PyNode parameters, Integration i) {
    List<PyNode> args = PyFile.positional(parameters);
    PyNode urlNode = args.isEmpty() ? null : args.get(0);
    String url = literals.string(urlNode);
    if (url == null)
      return Value.unresolved(
          "the AMQP URL comes from "
              + (urlNode == null ? "nothing spelled out" : shorten(urlNode.text()))
              + ", whose query may set "
              + BLOCKED,
          List.of(f.at(parameters)));
    String host = AmqpUrls.host(url);
    if (host != null) i.target = Value.explicit("RabbitMQ " + host, List.of());
    String blocked = AmqpUrls.queryOption(url, BLOCKED);
    if (blocked != null && !blocked.isEmpty() && !blocked.equalsIgnoreCase("none"))
      return Value.explicit(BLOCKED + " " + blocked + " s", List.of(f.at(urlNode)));
    return unbounded(List.of(f.at(urlNode)));
  }

  private static Value<String> unbounded(List<Location> at) {
    return Value.<String>defaulted(
            null,
            "pika's "
                + BLOCKED
                + " defaults to None: while the broker blocks publishers (memory or disk alarm) a"
                + " publish waits forever (socket_timeout, 10 s, and stack_timeout, 15 s, bound only"
                + " connecting)")
        .withTrace(at);
  }
}
