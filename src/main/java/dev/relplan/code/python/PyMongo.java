package dev.relplan.code.python;

import static dev.relplan.code.python.PyCalls.shorten;

import dev.relplan.code.MongoTimeouts;
import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.parse.python.PyFile;
import dev.relplan.parse.python.PyNode;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * MongoDB clients created in Python: pymongo {@code MongoClient} / {@code AsyncMongoClient} and
 * Motor's clients. The creation is the integration (its options bound every operation made through
 * it), like a database pool; what bounds an operation is {@link MongoTimeouts}.
 */
final class PyMongo {
  private final PyFile f;
  private final PyDatabases literals;

  PyMongo(PyFile f, PyDatabases literals) {
    this.f = f;
    this.literals = literals;
  }

  /** The integration a call creates, or null when it creates no MongoDB client. */
  Integration creation(PyNode call) {
    String q = f.qualify(call.field("function"));
    if (q == null) return null;
    return switch (q) {
      case "pymongo.MongoClient",
          "pymongo.mongo_client.MongoClient",
          "pymongo.AsyncMongoClient",
          "motor.motor_asyncio.AsyncIOMotorClient",
          "motor.motor_tornado.MotorClient",
          "motor.MotorClient" ->
          client(call, q.startsWith("motor") ? "Motor" : "pymongo");
      default -> null;
    };
  }

  private Integration client(PyNode call, String driver) {
    Integration i = PyDatabases.clientCreated(f, call, Integration.Kind.DATABASE, driver);
    Map<String, PyNode> kwargs = PyFile.kwargs(call);
    List<PyNode> args = PyFile.positional(call);
    PyNode host = !args.isEmpty() ? args.get(0) : kwargs.get("host");
    String hostText = literals.string(host);
    if (hostText != null) {
      String target = hostText.contains("://") ? MongoTimeouts.host(hostText) : hostText;
      if (target != null && !target.isEmpty())
        i.target = Value.explicit("MongoDB " + target, List.of());
    }
    i.timeout = timeout(call, driver, kwargs, host, hostText);
    return i;
  }

  /** Keyword options first (they override the URI's), then the URI, then the defaults. */
  private Value<String> timeout(
      PyNode call, String driver, Map<String, PyNode> kwargs, PyNode host, String hostText) {
    List<Location> at = new ArrayList<>();
    if (host != null) at.add(f.at(host));
    for (String option : List.of(MongoTimeouts.OPERATION, MongoTimeouts.SOCKET)) {
      PyNode v = kwargs.get(option);
      if (v == null) continue;
      if (v.is("none")) { // None is the default: no timeout from this option
        at.add(f.at(v));
        continue;
      }
      PyNode bound = v.is("identifier") ? f.binding(v.text(), v) : v;
      String text =
          bound != null && (bound.is("integer") || bound.is("float"))
              ? bound.text()
              : "set from " + shorten(v.text());
      return MongoTimeouts.set(option, text, List.of(f.at(v)));
    }
    if (hostText != null && hostText.contains("://")) {
      Value<String> fromUri = MongoTimeouts.fromUri(hostText, List.of(f.at(host)));
      if (fromUri != null) return fromUri;
    }
    if (PyDatabases.splat(call)) {
      return Value.unresolved(
          "the client takes keyword arguments with ** ("
              + shorten(call.field("arguments").text())
              + "), which may set timeoutMS or socketTimeoutMS",
          List.of(f.at(call)));
    }
    if (host != null && hostText == null)
      return MongoTimeouts.uriUnknown(shorten(host.text()), List.of(f.at(host)));
    return MongoTimeouts.unset(driver, at);
  }
}
