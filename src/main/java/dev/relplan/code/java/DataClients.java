package dev.relplan.code.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import dev.relplan.code.MongoTimeouts;
import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.source.Location;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Messaging and data clients created in Java code: Kafka producers and consumers, MongoDB clients,
 * Jedis and Lettuce Redis clients, and JDBC connections from {@code DriverManager}. Like a HikariCP
 * pool, the creation is the integration: its settings bound every operation made through it.
 * Defaults and their sources: docs/client-defaults.md, "Messaging and data clients".
 */
final class DataClients {
  private static final String KAFKA = "org.apache.kafka.clients.";
  private static final Set<String> CONFIG_SETTERS = Set.of("put", "setProperty", "of", "entry");

  private final FileContext ctx;
  private final CallSites sites;

  DataClients(FileContext ctx, CallSites sites) {
    this.ctx = ctx;
    this.sites = sites;
  }

  /** A client created with {@code new}: Kafka, Jedis, legacy MongoClient; null otherwise. */
  Integration creation(ObjectCreationExpr o) {
    String type = ctx.imports.resolve(o.getType().getNameWithScope());
    if (type == null) return null;
    return switch (type) {
      case KAFKA + "producer.KafkaProducer" -> kafka(o, "Kafka producer", true);
      case KAFKA + "consumer.KafkaConsumer" -> kafka(o, "Kafka consumer", false);
      case "redis.clients.jedis.Jedis",
          "redis.clients.jedis.JedisPool",
          "redis.clients.jedis.JedisPooled" ->
          jedis(o, type.substring(type.lastIndexOf('.') + 1));
      default -> null;
    };
  }

  /** A client made by a factory call: MongoClients, Lettuce, DriverManager; null otherwise. */
  Integration call(MethodCallExpr m) {
    Expression scope = m.getScope().orElse(null);
    if (m.getNameAsString().startsWith("send") && kafkaTemplate(scope)) return springKafka(m);
    if (!(scope instanceof NameExpr || scope instanceof FieldAccessExpr)) return null;
    String type = ctx.imports.resolve(scope.toString());
    if (type == null) return null;
    String name = m.getNameAsString();
    if (type.equals("com.mongodb.client.MongoClients")
        || type.equals("com.mongodb.reactivestreams.client.MongoClients")) {
      return name.equals("create") ? mongo(m) : null;
    }
    if (type.equals("io.lettuce.core.RedisClient") && name.equals("create")) return lettuce(m);
    if (type.equals("java.sql.DriverManager") && name.equals("getConnection")) return jdbc(m);
    return null;
  }

  // ---- Kafka: request.timeout.ms 30 s; the producer's delivery.timeout.ms 120 s and max.block.ms
  // 60 s, the consumer's default.api.timeout.ms 60 s. Finite: shown as defaults.

  private Integration kafka(ObjectCreationExpr o, String library, boolean producer) {
    Integration i = sites.integration(o, Integration.Kind.MESSAGING, library, null);
    i.clientLocation = ctx.at(o);
    String defaults =
        producer
            ? "request.timeout.ms 30 s, delivery.timeout.ms 120 s, max.block.ms 60 s"
            : "request.timeout.ms 30 s, default.api.timeout.ms 60 s";
    if (o.getArguments().isEmpty()) return null;
    Expression config = o.getArguments().get(0);
    Built built = ctx.eval(config);
    Settings.Found copied = built == null ? null : Settings.first(built, Set.of("load", "putAll"));
    if (copied != null) {
      i.timeout =
          Value.unresolved(
              "the client configuration is read with "
                  + copied.step().name()
                  + "(…) from a file or another map, which may set request.timeout.ms",
              List.of(copied.step().location()));
      return i;
    }
    if (built == null || Settings.unresolved(built) != null) {
      i.timeout =
          Value.unresolved(
              "the client configuration comes from "
                  + config
                  + (built != null && Settings.unresolved(built) != null
                      ? " (" + Settings.unresolved(built) + ")"
                      : "")
                  + ", which may set request.timeout.ms",
              List.of(ctx.at(config)));
      return i;
    }
    String servers = stringSetting(built, "bootstrap.servers", "BOOTSTRAP_SERVERS_CONFIG");
    if (servers != null) i.target = Value.explicit("Kafka " + servers, List.of());
    Settings.Found timeout = setting(built, "request.timeout.ms", "REQUEST_TIMEOUT_MS_CONFIG");
    i.timeout =
        timeout != null
            ? Value.explicit(
                "request.timeout.ms "
                    + valueText(timeout)
                    + " (other Kafka defaults: "
                    + defaults
                    + ")",
                List.of(timeout.step().location()))
            : Value.defaulted(
                defaults + " (Kafka client defaults)", "the Kafka client's default timeouts apply");
    return i;
  }

  /** Whether the receiver is a Spring Kafka KafkaTemplate field, parameter or local. */
  private boolean kafkaTemplate(Expression scope) {
    String name =
        scope instanceof NameExpr n
            ? n.getNameAsString()
            : scope instanceof FieldAccessExpr f && f.getScope().isThisExpr()
                ? f.getNameAsString()
                : null;
    String type = name == null ? null : ctx.typeOf(name, scope);
    return type != null && type.startsWith("org.springframework.kafka.core.KafkaTemplate");
  }

  /**
   * A KafkaTemplate send: the template's producer factory decides the timeouts, built from
   * spring.kafka.* properties when Spring Boot auto-configures it, or by a bean the scanner does
   * not follow.
   */
  private Integration springKafka(MethodCallExpr m) {
    Integration i =
        sites.integration(m, Integration.Kind.MESSAGING, "Spring Kafka KafkaTemplate", null);
    i.timeout =
        Value.unresolved(
            "the KafkaTemplate's producer factory is configured outside this code (Spring Boot"
                + " auto-configuration from spring.kafka.producer.* properties, or a bean); the"
                + " Kafka producer defaults apply unless they override request.timeout.ms,"
                + " delivery.timeout.ms or max.block.ms",
            List.of(ctx.at(m.getName())));
    return i;
  }

  /** The put/setProperty (or Map.of pair) step that sets a Kafka property, by name or constant. */
  private Settings.Found setting(Built config, String property, String constant) {
    Settings.Found found = null;
    for (Settings.Found f : Settings.find(config, CONFIG_SETTERS)) {
      List<Expression> args = f.step().args();
      for (int k = 0; k + 1 < args.size(); k += 2) {
        if (isKey(args.get(k), property, constant))
          found = new Settings.Found(stepOf(f.step(), args.get(k + 1)), f.ownerType());
      }
    }
    return found;
  }

  private static Built.Step stepOf(Built.Step step, Expression value) {
    return new Built.Step(step.name(), List.of(value), step.location(), step.ctx());
  }

  private static boolean isKey(Expression key, String property, String constant) {
    if (key instanceof StringLiteralExpr s) return s.getValue().equals(property);
    if (key instanceof FieldAccessExpr f) return f.getNameAsString().equals(constant);
    if (key instanceof NameExpr n) return n.getNameAsString().equals(constant);
    return false;
  }

  private String stringSetting(Built config, String property, String constant) {
    Settings.Found f = setting(config, property, constant);
    return f != null && f.step().args().get(0) instanceof StringLiteralExpr s ? s.getValue() : null;
  }

  private static String valueText(Settings.Found f) {
    Expression v = f.step().args().get(0);
    if (v instanceof StringLiteralExpr s) v = new NameExpr(s.getValue());
    String text = v.toString();
    boolean digits = text.chars().allMatch(Character::isDigit);
    return digits ? text + " ms" : "set from " + text;
  }

  // ---- MongoDB: neither timeoutMS nor a socket read timeout by default (MongoTimeouts).

  private Integration mongo(MethodCallExpr m) {
    Integration i = sites.integration(m, Integration.Kind.DATABASE, "MongoDB Java driver", null);
    i.clientLocation = ctx.at(m.getName());
    List<Location> at = List.of(ctx.at(m.getName()));
    if (m.getArguments().isEmpty()) {
      i.target = Value.explicit("MongoDB localhost", List.of());
      i.timeout = MongoTimeouts.unset("the MongoDB Java driver", at);
      return i;
    }
    Expression arg = m.getArguments().get(0);
    String uri = literal(arg);
    if (uri != null) {
      String host = MongoTimeouts.host(uri);
      if (host != null) i.target = Value.explicit("MongoDB " + host, List.of());
      Value<String> fromUri = MongoTimeouts.fromUri(uri, List.of(ctx.at(arg)));
      i.timeout = fromUri != null ? fromUri : MongoTimeouts.unset("the MongoDB Java driver", at);
      return i;
    }
    Built settings = ctx.eval(arg);
    if (settings == null
        || !"com.mongodb.MongoClientSettings".equals(settings.type)
        || Settings.unresolved(settings) != null) {
      i.timeout = MongoTimeouts.uriUnknown(arg.toString(), List.of(ctx.at(arg)));
      return i;
    }
    i.timeout = mongoSettings(settings, at);
    return i;
  }

  /**
   * {@code MongoClientSettings.builder()}: {@code timeout(…)} (timeoutMS), a socket {@code
   * readTimeout(…)} inside {@code applyToSocketSettings}, or a connection string applied to it.
   */
  private Value<String> mongoSettings(Built settings, List<Location> at) {
    Settings.Found operation = Settings.first(settings, Set.of("timeout"));
    if (operation != null) return mongoSet(MongoTimeouts.OPERATION, operation);
    Settings.Found read = Settings.first(settings, Set.of("readTimeout"));
    if (read != null) return mongoSet(MongoTimeouts.SOCKET, read);
    Settings.Found cs = Settings.first(settings, Set.of("applyConnectionString"));
    if (cs != null) {
      Expression arg = cs.step().args().isEmpty() ? null : cs.step().args().get(0);
      String uri =
          arg instanceof ObjectCreationExpr c && !c.getArguments().isEmpty()
              ? literal(c.getArguments().get(0))
              : null;
      if (uri == null)
        return MongoTimeouts.uriUnknown(String.valueOf(arg), List.of(cs.step().location()));
      Value<String> fromUri = MongoTimeouts.fromUri(uri, List.of(cs.step().location()));
      if (fromUri != null) return fromUri;
    }
    return MongoTimeouts.unset("the MongoDB Java driver", at);
  }

  private static Value<String> mongoSet(String option, Settings.Found f) {
    List<Expression> args = f.step().args();
    String value = args.isEmpty() ? "" : args.get(0).toString();
    if (args.size() == 2) {
      Expression unit = args.get(1);
      String unitName = unit instanceof FieldAccessExpr fa ? fa.getNameAsString() : unit.toString();
      value = value + " " + unitName.toLowerCase(Locale.ROOT);
    }
    if (args.size() == 2 && value.startsWith("0 ")) value = "0";
    return MongoTimeouts.set(option, value, List.of(f.step().location()));
  }

  // ---- Jedis: connection and socket timeout 2000 ms (Protocol.DEFAULT_TIMEOUT).

  private Integration jedis(ObjectCreationExpr o, String kind) {
    Integration i = sites.integration(o, Integration.Kind.DATABASE, "Jedis " + kind, null);
    i.clientLocation = ctx.at(o);
    List<Expression> args = o.getArguments();
    // JedisPool(poolConfig, host, port, timeout, …) takes the pool configuration first
    int hostAt = !args.isEmpty() && literal(args.get(0)) == null && args.size() >= 3 ? 1 : 0;
    String host = args.size() > hostAt ? literal(args.get(hostAt)) : null;
    if (host != null) {
      String shown = host.contains("://") ? MongoTimeouts.host(host) : host;
      if (shown != null) i.target = Value.explicit("Redis " + shown, List.of());
    }
    int timeoutAt = hostAt + 2;
    boolean knownShape =
        args.isEmpty()
            || host != null && args.size() <= timeoutAt
            || args.size() > timeoutAt && isInt(args.get(timeoutAt));
    if (args.size() > timeoutAt && isInt(args.get(timeoutAt))) {
      Expression t = args.get(timeoutAt);
      i.timeout =
          t.toString().equals("0")
              ? CallSites.none(
                  "a timeout of 0 disables Jedis's socket timeout, so a command can wait forever",
                  List.of(ctx.at(t)))
              : Value.explicit(t + " ms connection and socket timeout", List.of(ctx.at(t)));
    } else if (knownShape) {
      i.timeout =
          Value.defaulted(
              "2000 ms connection and socket timeout (Jedis default)",
              "Jedis's default timeout applies");
    } else {
      i.timeout =
          Value.unresolved(
              "the client is built from " + args + ", which may set its timeouts",
              List.of(ctx.at(o)));
    }
    return i;
  }

  private boolean isInt(Expression e) {
    if (e instanceof IntegerLiteralExpr || e instanceof LongLiteralExpr) return true;
    return false;
  }

  // ---- Lettuce: commands time out after 60 s (RedisURI.DEFAULT_TIMEOUT) unless set.

  private Integration lettuce(MethodCallExpr m) {
    Integration i = sites.integration(m, Integration.Kind.DATABASE, "Lettuce", null);
    i.clientLocation = ctx.at(m.getName());
    Expression arg = m.getArguments().isEmpty() ? null : m.getArguments().get(0);
    String uri = arg == null ? null : literal(arg);
    if (uri != null) {
      String host = MongoTimeouts.host(uri);
      if (host != null) i.target = Value.explicit("Redis " + host, List.of());
      String timeout = MongoTimeouts.uriOption(uri, "timeout");
      if (timeout != null) {
        i.timeout = Value.explicit("command timeout " + timeout + " (URI)", List.of(ctx.at(arg)));
        return i;
      }
    }
    Location set = timeoutSetOnClient(m);
    i.timeout =
        set != null
            ? Value.explicit("command timeout set (setDefaultTimeout/withTimeout)", List.of(set))
            : arg != null && uri == null && !followed(arg)
                ? Value.unresolved(
                    "the RedisURI comes from " + arg + ", which may set the command timeout",
                    List.of(ctx.at(arg)))
                : Value.defaulted(
                    "60 s command timeout (Lettuce default)",
                    "Lettuce's default command timeout (RedisURI.DEFAULT_TIMEOUT) applies");
    return i;
  }

  private boolean followed(Expression arg) {
    Built b = ctx.eval(arg);
    return b != null && Settings.unresolved(b) == null;
  }

  /** A setDefaultTimeout/withTimeout/setTimeout call in the same file (the client or its URI). */
  private Location timeoutSetOnClient(Node creation) {
    for (MethodCallExpr c : ctx.cu.findAll(MethodCallExpr.class)) {
      String n = c.getNameAsString();
      if (n.equals("setDefaultTimeout") || n.equals("withTimeout") || n.equals("commandTimeout"))
        return ctx.at(c.getName());
    }
    return null;
  }

  // ---- JDBC DriverManager: no query (statement) timeout by default; the drivers' socketTimeout 0.

  private Integration jdbc(MethodCallExpr m) {
    Integration i = sites.integration(m, Integration.Kind.DATABASE, "JDBC DriverManager", null);
    i.clientLocation = ctx.at(m.getName());
    Expression arg = m.getArguments().isEmpty() ? null : m.getArguments().get(0);
    String url = arg == null ? null : literal(arg);
    if (url != null) i.target = Value.explicit(CallSites.jdbcHost(url), List.of());
    Location queryTimeout = queryTimeoutInMethod(m);
    String socket = url == null ? null : jdbcParameter(url, "socketTimeout");
    if (socket != null && !socket.equals("0")) {
      i.timeout = Value.explicit("socketTimeout " + socket + " (JDBC URL)", List.of(ctx.at(arg)));
    } else if (queryTimeout != null) {
      i.timeout = Value.explicit("Statement.setQueryTimeout", List.of(queryTimeout));
    } else if (url == null && arg != null) {
      i.timeout =
          Value.unresolved(
              "the JDBC URL comes from "
                  + arg
                  + ", whose parameters (socketTimeout) may bound queries",
              List.of(ctx.at(arg)));
    } else {
      i.timeout =
          CallSites.none(
              socket != null
                  ? "socketTimeout=0 disables the driver's read timeout, so a query can wait forever"
                  : "a DriverManager connection has no query timeout and the drivers' socketTimeout"
                      + " defaults to 0 (none), so a query can wait forever",
              arg == null ? List.of() : List.of(ctx.at(arg)));
    }
    return i;
  }

  /** A Statement.setQueryTimeout call in the method that opens the connection. */
  private Location queryTimeoutInMethod(MethodCallExpr m) {
    Node scope = m.findAncestor(CallableDeclaration.class).orElse(null);
    if (scope == null) return null;
    for (MethodCallExpr c : scope.findAll(MethodCallExpr.class)) {
      if (c.getNameAsString().equals("setQueryTimeout")
          && !(c.getArguments().size() == 1 && c.getArgument(0).toString().equals("0")))
        return ctx.at(c.getName());
    }
    return null;
  }

  /** A parameter of a JDBC URL ({@code ?socketTimeout=30&…}, or {@code ;socketTimeout=30}). */
  static String jdbcParameter(String url, String name) {
    for (String part : url.split("[?&;]")) {
      int eq = part.indexOf('=');
      if (eq > 0 && part.substring(0, eq).equalsIgnoreCase(name)) return part.substring(eq + 1);
    }
    return null;
  }

  // ---- Helpers.

  /** A string literal, or a local or field initialised with one. */
  private String literal(Expression e) {
    if (e instanceof StringLiteralExpr s) return s.getValue();
    if (!(e instanceof NameExpr n)) return null;
    var method = n.findAncestor(CallableDeclaration.class).orElse(null);
    if (method != null) {
      for (VariableDeclarator v : method.findAll(VariableDeclarator.class)) {
        if (v.getNameAsString().equals(n.getNameAsString()))
          return v.getInitializer().orElse(null) instanceof StringLiteralExpr s
              ? s.getValue()
              : null;
      }
    }
    return ctx.constant(n.getNameAsString()) instanceof StringLiteralExpr s ? s.getValue() : null;
  }
}
