package dev.relplan.code.javascript;

import dev.relplan.code.MongoTimeouts;
import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.parse.javascript.JsFile;
import dev.relplan.parse.javascript.JsNode;
import dev.relplan.source.Location;
import java.util.List;

/**
 * Messaging and data clients created in JavaScript and TypeScript: the MongoDB driver's {@code new
 * MongoClient(uri, options)}, mongoose {@code connect}/{@code createConnection} and kafkajs {@code
 * new Kafka(config)}. The creation is the integration (its settings bound every operation made
 * through it), like a pg Pool. Defaults and their sources: docs/client-defaults.md, "Messaging and
 * data clients".
 */
final class JsDataClients {
  private final JsFile f;

  JsDataClients(JsFile f) {
    this.f = f;
  }

  /** A client made with {@code new}, or null. */
  Integration creation(JsNode created) {
    String made = f.qualify(created.field("constructor"));
    if (made == null) return null;
    if (made.equals("mongodb.MongoClient"))
      return mongo(created, JsFile.arguments(created), "mongodb");
    if (made.equals("kafkajs.Kafka")) return kafka(created);
    return null;
  }

  /** A client made by a call ({@code mongoose.connect(uri, options)}), or null. */
  Integration call(JsNode call) {
    String q = f.qualify(call.field("function"));
    if ("mongoose.connect".equals(q) || "mongoose.createConnection".equals(q))
      return mongo(call, JsFile.arguments(call), "mongoose");
    return null;
  }

  private Integration integration(JsNode at, Integration.Kind kind, String client) {
    Integration i =
        new Integration(f.file, f.enclosingName(at), kind, client, f.language, f.at(at));
    i.clientLocation = f.at(at);
    return i;
  }

  // ---- MongoDB Node.js driver and mongoose: no timeoutMS or socketTimeoutMS by default.

  private Integration mongo(JsNode at, List<JsNode> args, String client) {
    Integration i = integration(at, Integration.Kind.DATABASE, client);
    JsNode uriArg = args.isEmpty() ? null : args.get(0);
    String uri = string(uriArg);
    if (uri != null && MongoTimeouts.host(uri) != null)
      i.target = Value.explicit("MongoDB " + MongoTimeouts.host(uri), List.of());
    JsFile.Options options = f.options(args.size() > 1 ? args.get(1) : null);
    for (String option : List.of(MongoTimeouts.OPERATION, MongoTimeouts.SOCKET)) {
      JsNode v = options.get(option);
      if (v == null) continue;
      JsNode n = f.number(v);
      i.timeout =
          MongoTimeouts.set(
              option,
              n != null ? n.text() : "set from " + JsCalls.shorten(v.text()),
              List.of(f.at(v)));
      return i;
    }
    Value<String> fromUri = uri == null ? null : MongoTimeouts.fromUri(uri, List.of(f.at(uriArg)));
    if (fromUri != null) {
      i.timeout = fromUri;
    } else if (!options.complete()) {
      i.timeout =
          Value.unresolved(
              "the client options come from "
                  + JsCalls.shorten(options.unknown.get(0).text())
                  + ", which may set timeoutMS or socketTimeoutMS",
              List.of(f.at(at)));
    } else if (uriArg != null && uri == null) {
      i.timeout = MongoTimeouts.uriUnknown(JsCalls.shorten(uriArg.text()), List.of(f.at(uriArg)));
    } else {
      i.timeout =
          MongoTimeouts.unset(
              "the MongoDB Node.js driver",
              uriArg == null ? List.<Location>of() : List.of(f.at(uriArg)));
    }
    return i;
  }

  // ---- kafkajs: requestTimeout 30 s, connectionTimeout 1 s.

  private Integration kafka(JsNode created) {
    Integration i = integration(created, Integration.Kind.MESSAGING, "kafkajs");
    List<JsNode> args = JsFile.arguments(created);
    JsFile.Options config = f.options(args.isEmpty() ? null : args.get(0));
    JsNode brokers = config.get("brokers");
    if (brokers != null && brokers.unwrap().is("array")) {
      List<JsNode> items =
          brokers.unwrap().children.stream().filter(c -> c.stringValue() != null).toList();
      if (!items.isEmpty())
        i.target = Value.explicit("Kafka " + items.get(0).stringValue(), List.of());
    }
    JsNode request = config.get("requestTimeout");
    if (request != null) {
      JsNode n = f.number(request);
      i.timeout =
          Value.explicit(
              "requestTimeout "
                  + (n != null ? n.text() + " ms" : "set from " + JsCalls.shorten(request.text())),
              List.of(f.at(request)));
    } else if (!config.complete()) {
      i.timeout =
          Value.unresolved(
              "the kafkajs configuration comes from "
                  + JsCalls.shorten(config.unknown.get(0).text())
                  + ", which may set requestTimeout",
              List.of(f.at(created)));
    } else {
      i.timeout =
          Value.defaulted(
              "requestTimeout 30 s, connectionTimeout 1 s (kafkajs defaults)",
              "kafkajs's default timeouts apply");
    }
    return i;
  }

  /** A string literal, or a name bound to one; null otherwise. */
  private String string(JsNode n) {
    if (n == null) return null;
    JsNode u = n.unwrap();
    if (u.is("string")) return u.stringValue();
    if (u.is("identifier")) {
      JsNode b = f.binding(u.text(), u);
      return b != null && b.unwrap().is("string") ? b.unwrap().stringValue() : null;
    }
    return null;
  }
}
