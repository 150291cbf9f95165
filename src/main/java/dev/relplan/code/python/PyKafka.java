package dev.relplan.code.python;

import static dev.relplan.code.python.PyCalls.shorten;

import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.parse.python.PyFile;
import dev.relplan.parse.python.PyNode;
import java.util.List;
import java.util.Map;

/**
 * Kafka clients created in Python: kafka-python {@code KafkaProducer}/{@code KafkaConsumer} and
 * confluent-kafka {@code Producer}/{@code Consumer}. Their request timeouts have finite defaults,
 * so the creation (the integration, like a database pool) shows them unless the code sets its own.
 * Defaults and their sources: docs/client-defaults.md, "Messaging and data clients".
 */
final class PyKafka {
  private final PyFile f;
  private final PyDatabases literals;

  PyKafka(PyFile f, PyDatabases literals) {
    this.f = f;
    this.literals = literals;
  }

  /** The integration a call creates, or null when it creates no Kafka client. */
  Integration creation(PyNode call) {
    String q = f.qualify(call.field("function"));
    if (q == null) return null;
    return switch (q) {
      case "kafka.KafkaProducer" -> kafkaPython(call, "kafka-python producer", true);
      case "kafka.KafkaConsumer" -> kafkaPython(call, "kafka-python consumer", false);
      case "confluent_kafka.Producer", "confluent_kafka.SerializingProducer" ->
          confluent(call, "confluent-kafka producer");
      case "confluent_kafka.Consumer", "confluent_kafka.DeserializingConsumer" ->
          confluent(call, "confluent-kafka consumer");
      default -> null;
    };
  }

  private Integration integration(PyNode call, String client) {
    return PyDatabases.clientCreated(f, call, Integration.Kind.MESSAGING, client);
  }

  // ---- kafka-python: request_timeout_ms 30 s (producer); the consumer's was 305 s before
  // kafka-python changed it to 30 s.

  private Integration kafkaPython(PyNode call, String client, boolean producer) {
    Integration i = integration(call, client);
    Map<String, PyNode> kwargs = PyFile.kwargs(call);
    String servers = literals.string(kwargs.get("bootstrap_servers"));
    if (servers != null) i.target = Value.explicit("Kafka " + servers, List.of());
    PyNode request = kwargs.get("request_timeout_ms");
    if (request != null) {
      i.timeout = Value.explicit("request_timeout_ms " + millis(request), List.of(f.at(request)));
    } else if (PyDatabases.splat(call)) {
      i.timeout =
          Value.unresolved(
              "the client takes keyword arguments with ** ("
                  + shorten(call.field("arguments").text())
                  + "), which may set request_timeout_ms",
              List.of(f.at(call)));
    } else {
      i.timeout =
          Value.defaulted(
              producer
                  ? "request_timeout_ms 30 s, max_block_ms 60 s (kafka-python defaults)"
                  : "request_timeout_ms 305 s (30 s in the newest kafka-python releases)",
              "kafka-python's default request timeout applies");
    }
    return i;
  }

  // ---- confluent-kafka (librdkafka): socket.timeout.ms 60 s, request.timeout.ms 30 s,
  // message.timeout.ms 300 s.

  private Integration confluent(PyNode call, String client) {
    Integration i = integration(call, client);
    List<PyNode> args = PyFile.positional(call);
    PyNode config = args.isEmpty() ? null : args.get(0);
    PyNode dict = config == null ? null : f.origin(config);
    if (config != null && config.is("dictionary")) dict = config;
    if (config != null && config.is("identifier")) {
      PyNode bound = f.binding(config.text(), config);
      if (bound != null && bound.is("dictionary")) dict = bound;
    }
    if (dict == null || !dict.is("dictionary")) {
      i.timeout =
          Value.unresolved(
              "the configuration comes from "
                  + (config == null ? "keyword arguments" : shorten(config.text()))
                  + ", which may set socket.timeout.ms or request.timeout.ms",
              List.of(f.at(call)));
      return i;
    }
    PyNode set = null;
    String setName = null;
    for (PyNode pair : dict.children) {
      if (!pair.is("pair") || pair.field("key") == null) continue;
      String key = pair.field("key").stringValue();
      if ("bootstrap.servers".equals(key)) {
        String servers = literals.string(pair.field("value"));
        if (servers != null) i.target = Value.explicit("Kafka " + servers, List.of());
      }
      if ("request.timeout.ms".equals(key) || "socket.timeout.ms".equals(key)) {
        set = pair.field("value");
        setName = key;
      }
    }
    i.timeout =
        set != null
            ? Value.explicit(setName + " " + millis(set), List.of(f.at(set)))
            : Value.defaulted(
                "socket.timeout.ms 60 s, request.timeout.ms 30 s, message.timeout.ms 300 s (librdkafka defaults)",
                "librdkafka's default timeouts apply");
    return i;
  }

  private String millis(PyNode v) {
    PyNode n = v.is("identifier") ? f.binding(v.text(), v) : v;
    if (n != null && n.is("integer")) return n.text() + " ms";
    String s = literals.string(v);
    if (s != null && s.chars().allMatch(Character::isDigit)) return s + " ms";
    return "set from " + shorten(v.text());
  }
}
