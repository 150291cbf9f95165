package dev.relplan.code.csharp;

import dev.relplan.code.MongoTimeouts;
import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.source.Location;
import java.util.List;
import java.util.Map;

/**
 * Messaging and data clients created in C#: MongoDB.Driver {@code MongoClient}, Confluent.Kafka
 * {@code ProducerBuilder}/{@code ConsumerBuilder} and StackExchange.Redis {@code
 * ConnectionMultiplexer.Connect}. The creation is the integration (its settings bound every
 * operation made through it), like a database pool. Defaults and their sources:
 * docs/client-defaults.md, "Messaging and data clients".
 */
final class CsDataClients {
  private final CsFile f;

  CsDataClients(CsFile f) {
    this.f = f;
  }

  /** Every creation of these clients in the file, in source order. */
  List<Integration> find() {
    List<Integration> out = new java.util.ArrayList<>();
    for (CsNode n : f.root.all("object_creation_expression")) {
      String type = CsFile.created(n);
      Integration i = null;
      if ("MongoClient".equals(type) && f.uses("MongoDB.Driver")) i = mongo(n);
      if (("ProducerBuilder".equals(type) || "ConsumerBuilder".equals(type))
          && f.uses("Confluent.Kafka")) i = kafka(n, type);
      if (i != null) out.add(i);
    }
    for (CsNode call : f.calls()) {
      String method = CsFile.method(call);
      CsNode receiver = CsFile.receiver(call);
      if (receiver != null
          && receiver.text().endsWith("ConnectionMultiplexer")
          && ("Connect".equals(method) || "ConnectAsync".equals(method))
          && f.uses("StackExchange.Redis")) out.add(redis(call));
    }
    return out;
  }

  private Integration integration(CsNode at, Integration.Kind kind, String client) {
    Integration i = new Integration(f.file, CsFile.enclosing(at), kind, client, "csharp", f.at(at));
    i.clientLocation = f.at(at);
    return i;
  }

  // ---- MongoDB .NET driver: SocketTimeout zero (infinite) and no Timeout by default.

  private Integration mongo(CsNode creation) {
    Integration i = integration(creation, Integration.Kind.DATABASE, "MongoDB .NET driver");
    List<CsNode> args = CsFile.args(creation);
    if (args.isEmpty()) {
      i.target = Value.explicit("MongoDB localhost", List.of());
      i.timeout = MongoTimeouts.unset("the MongoDB .NET driver", List.of(f.at(creation)));
      return i;
    }
    CsNode arg = args.get(0);
    String uri = literal(arg);
    if (uri != null) {
      String host = MongoTimeouts.host(uri);
      if (host != null) i.target = Value.explicit("MongoDB " + host, List.of());
      Value<String> set = MongoTimeouts.fromUri(uri, List.of(f.at(arg)));
      i.timeout =
          set != null ? set : MongoTimeouts.unset("the MongoDB .NET driver", List.of(f.at(arg)));
      return i;
    }
    CsNode settings = f.origin(arg);
    boolean followed =
        settings != null
            && ("MongoClientSettings".equals(CsFile.created(settings))
                || settings.is("invocation_expression")
                    && "FromConnectionString".equals(CsFile.method(settings))
                    && !CsFile.args(settings).isEmpty()
                    && literal(CsFile.args(settings).get(0)) != null);
    if (!followed) {
      i.timeout = MongoTimeouts.uriUnknown(CsFile.shorten(arg.text()), List.of(f.at(arg)));
      return i;
    }
    CsNode timeout = setting(arg, settings, "Timeout");
    CsNode socket = timeout == null ? setting(arg, settings, "SocketTimeout") : null;
    CsNode set = timeout != null ? timeout : socket;
    if (set != null) {
      String option = timeout != null ? MongoTimeouts.OPERATION : MongoTimeouts.SOCKET;
      i.timeout =
          CsTimeSpans.infinite(set) || set.text().equals("TimeSpan.Zero")
              ? MongoTimeouts.set(option, "0", List.of(f.at(set)))
              : Value.explicit(option + " " + CsTimeSpans.text(set), List.of(f.at(set)));
      return i;
    }
    if (!"MongoClientSettings".equals(CsFile.created(settings))) {
      String uriText = literal(CsFile.args(settings).get(0));
      Value<String> fromUri = MongoTimeouts.fromUri(uriText, List.of(f.at(settings)));
      if (fromUri != null) {
        i.timeout = fromUri;
        return i;
      }
    }
    i.timeout = MongoTimeouts.unset("the MongoDB .NET driver", List.of(f.at(settings)));
    return i;
  }

  /** A property set in the creation's initializer or assigned on the variable holding it. */
  private CsNode setting(CsNode variable, CsNode creation, String property) {
    Map<String, CsNode> init = CsFile.initializer(creation);
    if (init.containsKey(property)) return init.get(property);
    List<CsNode> assigned = f.propertyAssignments(variable.text(), property, creation);
    return assigned.isEmpty() ? null : assigned.get(assigned.size() - 1).field("right");
  }

  // ---- Confluent.Kafka (librdkafka): socket.timeout.ms 60 s, request.timeout.ms 30 s,
  // message.timeout.ms 300 s.

  private Integration kafka(CsNode creation, String type) {
    boolean producer = type.equals("ProducerBuilder");
    Integration i =
        integration(
            creation,
            Integration.Kind.MESSAGING,
            producer ? "Confluent.Kafka producer" : "Confluent.Kafka consumer");
    List<CsNode> args = CsFile.args(creation);
    CsNode config = args.isEmpty() ? null : f.origin(args.get(0));
    String made = CsFile.created(config);
    // new ConsumerConfig(clientConfig) copies settings made elsewhere
    if (made == null || !made.endsWith("Config") || !CsFile.args(config).isEmpty()) {
      i.timeout =
          Value.unresolved(
              "the configuration comes from "
                  + (args.isEmpty() ? "?" : CsFile.shorten(args.get(0).text()))
                  + ", which may set SocketTimeoutMs or RequestTimeoutMs",
              List.of(f.at(creation)));
      return i;
    }
    CsNode servers = setting(args.get(0), config, "BootstrapServers");
    if (servers != null && servers.stringValue() != null)
      i.target = Value.explicit("Kafka " + servers.stringValue(), List.of());
    CsNode request = setting(args.get(0), config, "RequestTimeoutMs");
    CsNode socket = request == null ? setting(args.get(0), config, "SocketTimeoutMs") : null;
    CsNode set = request != null ? request : socket;
    i.timeout =
        set != null
            ? Value.explicit(
                (request != null ? "RequestTimeoutMs " : "SocketTimeoutMs ") + set.text() + " ms",
                List.of(f.at(set)))
            : Value.defaulted(
                "socket.timeout.ms 60 s, request.timeout.ms 30 s, message.timeout.ms 300 s (librdkafka defaults)",
                "librdkafka's default timeouts apply");
    return i;
  }

  // ---- StackExchange.Redis: syncTimeout 5000 ms, asyncTimeout = syncTimeout.

  private Integration redis(CsNode call) {
    Integration i = integration(call, Integration.Kind.DATABASE, "StackExchange.Redis");
    List<CsNode> args = CsFile.args(call);
    CsNode arg = args.isEmpty() ? null : args.get(0);
    String text = arg == null ? null : literal(arg);
    if (text != null) {
      String host = text.split("[,:]")[0].strip();
      if (!host.isEmpty() && !host.contains("="))
        i.target = Value.explicit("Redis " + host, List.of());
      String sync = option(text, "syncTimeout");
      i.timeout = sync != null ? timeoutSet("syncTimeout", sync, f.at(arg)) : defaults();
      return i;
    }
    CsNode options = arg == null ? null : f.origin(arg);
    boolean followed =
        options != null
            && ("ConfigurationOptions".equals(CsFile.created(options))
                || options.is("invocation_expression")
                    && "Parse".equals(CsFile.method(options))
                    && CsFile.receiver(options) != null
                    && CsFile.receiver(options).text().endsWith("ConfigurationOptions"));
    if (!followed) {
      i.timeout =
          Value.unresolved(
              "the configuration comes from "
                  + (arg == null ? "?" : CsFile.shorten(arg.text()))
                  + ", which may set syncTimeout",
              List.of(f.at(call)));
      return i;
    }
    CsNode sync = setting(arg, options, "SyncTimeout");
    if (sync == null) sync = setting(arg, options, "AsyncTimeout");
    i.timeout = sync != null ? timeoutSet("SyncTimeout", sync.text(), f.at(sync)) : defaults();
    return i;
  }

  private static Value<String> defaults() {
    return Value.defaulted(
        "5000 ms syncTimeout and asyncTimeout (StackExchange.Redis defaults)",
        "StackExchange.Redis's default timeouts apply");
  }

  private static Value<String> timeoutSet(String name, String value, Location at) {
    boolean digits = value.chars().allMatch(Character::isDigit);
    return Value.explicit(name + " " + value + (digits ? " ms" : ""), List.of(at));
  }

  /** {@code key=value} in a StackExchange.Redis configuration string (comma separated). */
  private static String option(String configuration, String key) {
    for (String part : configuration.split(",")) {
      int eq = part.indexOf('=');
      if (eq > 0 && part.substring(0, eq).strip().equalsIgnoreCase(key))
        return part.substring(eq + 1).strip();
    }
    return null;
  }

  /** A string literal, or a local or member initialised with one. */
  private String literal(CsNode n) {
    if (n == null) return null;
    String s = n.stringValue();
    if (s != null) return s;
    if (!n.is("identifier")) return null;
    CsNode bound = f.localBinding(n.text(), n);
    if (bound == null) bound = f.memberBinding(n.text(), n);
    return bound == null ? null : bound.stringValue();
  }
}
