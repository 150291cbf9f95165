package dev.relplan.code.go;

import dev.relplan.code.MongoTimeouts;
import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Messaging and data clients created in Go: the MongoDB driver's {@code mongo.Connect}, sarama
 * producers and consumers, confluent-kafka-go producers and consumers (the creation is the
 * integration, like a database pool), and segmentio kafka-go {@code Writer.WriteMessages} calls.
 * Defaults and their sources: docs/client-defaults.md, "Messaging and data clients".
 */
final class GoDataClients {
  private static final String MONGO = "go.mongodb.org/mongo-driver";
  private static final List<String> SARAMA =
      List.of("github.com/IBM/sarama", "github.com/Shopify/sarama");
  private static final List<String> CONFLUENT =
      List.of(
          "github.com/confluentinc/confluent-kafka-go", "gopkg.in/confluentinc/confluent-kafka-go");
  private static final String KAFKA_GO = "github.com/segmentio/kafka-go";

  private final GoFile f;

  GoDataClients(GoFile f) {
    this.f = f;
  }

  /** The integration a call makes or creates, or null when it is none of these clients. */
  Integration analyse(GoNode call) {
    String q = f.qualify(call.field("function"));
    if (q != null) {
      String path = GoFile.pathOf(q);
      String member = GoFile.memberOf(q);
      if (path.startsWith(MONGO)
          && path.endsWith("/mongo")
          && (member.equals("Connect") || member.equals("NewClient"))) return mongo(call);
      if (SARAMA.contains(path) && member.startsWith("New") && !member.equals("NewConfig"))
        return member.contains("Producer")
                || member.contains("Consumer")
                || member.equals("NewClient")
            ? sarama(call, member)
            : null;
      if (CONFLUENT.stream().anyMatch(path::startsWith)
          && (member.equals("NewProducer") || member.equals("NewConsumer")))
        return confluent(call, member);
      return null;
    }
    if ("WriteMessages".equals(GoFile.method(call))) {
      GoNode origin = f.origin(GoFile.receiver(call));
      String made = f.made(origin);
      if (made != null
          && GoFile.pathOf(made).startsWith(KAFKA_GO)
          && GoFile.memberOf(made).equals("Writer")) return kafkaGo(call, origin);
    }
    return null;
  }

  /** As GoCalls.integration; a client made by the call itself is cited at the call. */
  private Integration integration(
      GoNode call, Integration.Kind kind, String client, GoNode origin) {
    Integration i = GoCalls.integration(f, call, kind, client, origin);
    if (i.clientLocation == null) i.clientLocation = i.location;
    return i;
  }

  // ---- MongoDB Go driver: no Timeout and no SocketTimeout by default (MongoTimeouts).

  private Integration mongo(GoNode call) {
    Integration i = integration(call, Integration.Kind.DATABASE, "mongo-go-driver", null);
    List<Location> at = new ArrayList<>(List.of(f.at(call)));
    for (GoNode arg : GoFile.args(call)) {
      Value<String> v = mongoOptions(arg, at);
      if (v != null) {
        i.timeout = v;
        if (uri != null && MongoTimeouts.host(uri) != null)
          i.target = Value.explicit("MongoDB " + MongoTimeouts.host(uri), List.of());
        return i;
      }
    }
    if (uri != null && MongoTimeouts.host(uri) != null)
      i.target = Value.explicit("MongoDB " + MongoTimeouts.host(uri), List.of());
    i.timeout =
        unknownUri != null
            ? MongoTimeouts.uriUnknown(GoFile.shorten(unknownUri.text()), List.of(f.at(unknownUri)))
            : MongoTimeouts.unset("the MongoDB Go driver", at);
    return i;
  }

  private String uri;
  private GoNode unknownUri;

  /**
   * Walks an options chain ({@code options.Client().ApplyURI(u).SetTimeout(d)}), or a variable
   * holding one and later calls on it: the timeout it sets, or null when it sets none.
   */
  private Value<String> mongoOptions(GoNode arg, List<Location> at) {
    uri = null;
    unknownUri = null;
    List<GoNode> chain = new ArrayList<>();
    GoNode origin = arg.is("identifier") ? f.origin(arg) : arg;
    for (GoNode c = origin;
        c != null && c.is("call_expression");
        c = GoFile.receiver(c) == null ? null : GoFile.receiver(c)) chain.add(c);
    if (arg.is("identifier")) {
      GoNode fn = arg.function();
      if (fn != null)
        for (GoNode c : fn.all("call_expression"))
          if (GoFile.receiver(c) != null && GoFile.receiver(c).text().equals(arg.text()))
            chain.add(c);
    }
    Value<String> found = null;
    for (GoNode c : chain) {
      String method = GoFile.method(c);
      List<GoNode> args = GoFile.args(c);
      if (method == null || args.isEmpty()) continue;
      switch (method) {
        case "SetTimeout" -> found = mongoSet(MongoTimeouts.OPERATION, args.get(0));
        case "SetSocketTimeout" -> {
          if (found == null) found = mongoSet(MongoTimeouts.SOCKET, args.get(0));
        }
        case "ApplyURI" -> {
          String text = args.get(0).stringValue();
          if (text == null && args.get(0).is("identifier")) {
            GoNode bound = f.binding(args.get(0).text(), args.get(0));
            text = bound == null ? null : bound.stringValue();
          }
          if (text == null) unknownUri = args.get(0);
          uri = text;
        }
        default -> {
          // other options
        }
      }
    }
    if (found == null && uri != null) found = MongoTimeouts.fromUri(uri, List.of(f.at(arg)));
    return found;
  }

  private Value<String> mongoSet(String option, GoNode duration) {
    if (duration.text().equals("0")) return MongoTimeouts.set(option, "0", List.of(f.at(duration)));
    return Value.explicit(option + " " + GoDurations.text(f, duration), List.of(f.at(duration)));
  }

  // ---- sarama: Net.DialTimeout, ReadTimeout and WriteTimeout 30 s each; Producer.Timeout 10 s.

  private Integration sarama(GoNode call, String member) {
    boolean producer = member.contains("Producer");
    Integration i =
        integration(
            call, Integration.Kind.MESSAGING, producer ? "sarama producer" : "sarama", null);
    List<GoNode> args = GoFile.args(call);
    GoNode config = args.isEmpty() ? null : args.get(args.size() - 1);
    if (config == null || config.is("nil")) {
      i.timeout = saramaDefaults();
      return i;
    }
    GoNode made = f.origin(config);
    String q = f.made(made);
    if (q == null
        || !SARAMA.contains(GoFile.pathOf(q))
        || !GoFile.memberOf(q).equals("NewConfig")) {
      i.timeout =
          Value.unresolved(
              "the sarama configuration comes from "
                  + GoFile.shorten(config.text())
                  + ", which may set Net.ReadTimeout",
              List.of(f.at(config)));
      return i;
    }
    GoNode read = assigned(config, "Net.ReadTimeout");
    i.timeout =
        read == null
            ? saramaDefaults()
            : read.text().equals("0")
                ? Value.explicit(
                    "Net.ReadTimeout 0 (sarama rejects it: the config does not validate)",
                    List.of(f.at(read)))
                : Value.explicit(
                    "read " + GoDurations.text(f, read) + " (Net.ReadTimeout)",
                    List.of(f.at(read)));
    return i;
  }

  private static Value<String> saramaDefaults() {
    return Value.defaulted(
        "dial, read and write 30 s each (sarama Net defaults)",
        "sarama's default network timeouts apply");
  }

  /** The value assigned to {@code <variable>.<path>} in the function that uses the variable. */
  private GoNode assigned(GoNode variable, String path) {
    GoNode fn = variable.function();
    if (fn == null || !variable.is("identifier")) return null;
    GoNode value = null;
    for (GoNode a : fn.all("assignment_statement")) {
      GoNode left = a.field("left");
      GoNode right = a.field("right");
      if (left == null || right == null || left.children.size() != 1 || right.children.size() != 1)
        continue;
      if (left.children.get(0).text().equals(variable.text() + "." + path))
        value = right.children.get(0);
    }
    return value;
  }

  // ---- confluent-kafka-go (librdkafka): socket.timeout.ms 60 s, request.timeout.ms 30 s,
  // message.timeout.ms 300 s.

  private Integration confluent(GoNode call, String member) {
    boolean producer = member.equals("NewProducer");
    Integration i =
        integration(
            call,
            Integration.Kind.MESSAGING,
            producer ? "confluent-kafka-go producer" : "confluent-kafka-go consumer",
            null);
    List<GoNode> args = GoFile.args(call);
    GoNode config = args.isEmpty() ? null : f.origin(args.get(0));
    if (config == null || !config.is("composite_literal")) {
      i.timeout =
          Value.unresolved(
              "the ConfigMap comes from "
                  + (args.isEmpty() ? "?" : GoFile.shorten(args.get(0).text()))
                  + ", which may set socket.timeout.ms or request.timeout.ms",
              List.of(f.at(call)));
      return i;
    }
    GoNode body = config.field("body");
    GoNode setting = null;
    String settingName = null;
    if (body != null)
      for (GoNode k : body.children) {
        if (!k.is("keyed_element") || k.field("key") == null) continue;
        String key = k.field("key").text().replace("\"", "");
        GoNode value = k.field("value");
        String servers =
            value == null
                ? null
                : value.stringValue() != null
                    ? value.stringValue()
                    : value.children.size() == 1 ? value.children.get(0).stringValue() : null;
        if (key.equals("bootstrap.servers") && servers != null)
          i.target = Value.explicit("Kafka " + servers, List.of());
        if (key.equals("request.timeout.ms") || key.equals("socket.timeout.ms")) {
          setting = k.field("value");
          settingName = key;
        }
      }
    i.timeout =
        setting != null
            ? Value.explicit(settingName + " " + setting.text() + " ms", List.of(f.at(setting)))
            : Value.defaulted(
                "socket.timeout.ms 60 s, request.timeout.ms 30 s, message.timeout.ms 300 s (librdkafka defaults)",
                "librdkafka's default timeouts apply");
    return i;
  }

  // ---- segmentio kafka-go Writer: WriteTimeout and ReadTimeout 10 s each.

  private Integration kafkaGo(GoNode call, GoNode writer) {
    Integration i = integration(call, Integration.Kind.MESSAGING, "kafka-go Writer", writer);
    Map<String, GoNode> o = GoFile.keyed(writer);
    GoNode write = o.get("WriteTimeout");
    i.timeout =
        write != null
            ? Value.explicit(
                "write " + GoDurations.text(f, write) + " (WriteTimeout)", List.of(f.at(write)))
            : Value.defaulted(
                "write 10 s, read 10 s (kafka-go Writer defaults)",
                "kafka-go's default Writer timeouts apply");
    return i;
  }
}
