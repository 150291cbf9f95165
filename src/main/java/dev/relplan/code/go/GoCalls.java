package dev.relplan.code.go;

import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.source.Location;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Outbound calls of net/http, aws-sdk-go-v2 service clients and go-redis (SQL: GoSqlCalls), and the
 * timeout and retries that apply to each. Defaults are documented in docs/client-defaults.md.
 */
final class GoCalls {
  static final String HTTP = "net/http";
  private static final Set<String> HTTP_FUNCS = Set.of("Get", "Head", "Post", "PostForm");
  private static final Set<String> CLIENT_METHODS = Set.of("Do", "Get", "Head", "Post", "PostForm");
  private static final String AWS_SERVICE = "github.com/aws/aws-sdk-go-v2/service/";
  private static final String AWS_CONFIG = "github.com/aws/aws-sdk-go-v2/config";
  private static final Set<String> REDIS_CONSTRUCTORS =
      Set.of(
          "NewClient",
          "NewClusterClient",
          "NewFailoverClient",
          "NewFailoverClusterClient",
          "NewUniversalClient",
          "NewRing");
  private static final Set<String> REDIS_NOT_CALLS =
      Set.of(
          "Close",
          "Options",
          "PoolStats",
          "AddHook",
          "Pipeline",
          "TxPipeline",
          "Conn",
          "String",
          "Context",
          "WithContext",
          "WithTimeout");

  private final GoFile f;
  private final GoDeadlines deadlines;
  private final GoSqlCalls sql;

  /** A timeout given to http.DefaultClient somewhere in the program, or absent. */
  private final Value<String> defaultClient;

  GoCalls(GoFile f, Value<String> defaultClient) {
    this.f = f;
    this.deadlines = new GoDeadlines(f);
    this.sql = new GoSqlCalls(f, deadlines);
    this.defaultClient = defaultClient;
  }

  static boolean redisPath(String path) {
    return path != null
        && (path.startsWith("github.com/redis/go-redis")
            || path.startsWith("github.com/go-redis/redis"));
  }

  Integration analyse(GoNode call) {
    String q = f.qualify(call.field("function"));
    if (q != null) {
      return GoFile.pathOf(q).equals(HTTP) && HTTP_FUNCS.contains(GoFile.memberOf(q))
          ? http(call, null)
          : null;
    }
    String method = GoFile.method(call);
    GoNode receiver = GoFile.receiver(call);
    if (method == null || receiver == null) return null;
    if ("net/http.DefaultClient".equals(f.qualify(receiver)))
      return CLIENT_METHODS.contains(method) ? http(call, null) : null;
    GoNode origin = f.origin(receiver);
    String made = f.made(origin);
    if (made == null
        && origin != null
        && origin.is("call_expression")
        && origin.field("function").text().equals("new")) {
      List<GoNode> args = GoFile.args(origin);
      made = args.size() == 1 ? f.qualify(args.get(0)) : null;
    }
    if (made == null) return null;
    String path = GoFile.pathOf(made);
    String member = GoFile.memberOf(made);
    if (made.equals(HTTP + ".Client"))
      return CLIENT_METHODS.contains(method) ? http(call, origin) : null;
    if (path.startsWith(AWS_SERVICE) && (member.equals("NewFromConfig") || member.equals("New"))) {
      return Character.isUpperCase(method.charAt(0)) && !method.equals("Options")
          ? aws(call, method, origin, path)
          : null;
    }
    Integration query = sql.analyse(call, method, origin, made);
    if (query != null) return query;
    if (redisPath(path) && REDIS_CONSTRUCTORS.contains(member))
      return REDIS_NOT_CALLS.contains(method) ? null : redis(call, origin);
    return null;
  }

  private Integration integration(
      GoNode call, Integration.Kind kind, String client, GoNode origin) {
    return integration(f, call, kind, client, origin);
  }

  /** An integration at the called method's name, its client made at {@code origin} (or unknown). */
  static Integration integration(
      GoFile f, GoNode call, Integration.Kind kind, String client, GoNode origin) {
    GoNode fn = call.field("function");
    GoNode name =
        fn.is("selector_expression") && fn.field("field") != null ? fn.field("field") : fn;
    Integration i = new Integration(f.file, f.enclosing(call), kind, client, "go", f.at(name));
    i.clientLocation = origin == null ? null : f.at(origin);
    return i;
  }

  // ---- net/http: Client.Timeout zero (and http.DefaultClient) means no timeout; a request context
  // deadline bounds the call.

  private Integration http(GoNode call, GoNode client) {
    Integration i = httpTimeout(call, client);
    i.attemptSeconds = GoWaits.attempt(i.timeout);
    i.attempts = customTransport(client);
    i.httpMethod = httpMethod(call);
    GoNode function = call.declaration();
    i.idempotencyKey = Integration.namesIdempotencyKey((function != null ? function : call).text());
    return i;
  }

  /**
   * net/http makes one attempt; a Transport that is not an http.Transport (a RoundTripper such as
   * go-retryablehttp's) may retry, which is not followed.
   */
  private Value<Integer> customTransport(GoNode client) {
    Map<String, GoNode> settings =
        client != null && client.is("composite_literal") ? GoFile.keyed(client) : Map.of();
    GoNode transport = settings.get("Transport");
    GoNode origin = transport == null ? null : f.origin(transport);
    boolean plain =
        transport == null
            || (HTTP + ".DefaultTransport").equals(f.qualify(transport))
            || origin != null
                && origin.is("composite_literal")
                && (HTTP + ".Transport").equals(f.made(origin));
    return plain
        ? Value.defaulted(1, "net/http does not retry a request that timed out")
        : Value.unresolved(
            "the client's Transport ("
                + GoFile.shorten(transport.text())
                + ") is not followed: a RoundTripper may retry",
            List.of(f.at(transport)));
  }

  /**
   * The method of a request: named by the function (Get, Head, Post, PostForm), or the first
   * argument of the http.NewRequest that made it (a literal or an http.Method constant).
   */
  private Value<String> httpMethod(GoNode call) {
    String method = GoFile.method(call);
    if (method == null) {
      String q = f.qualify(call.field("function"));
      method = q == null ? null : GoFile.memberOf(q);
    }
    if (method == null) return Value.absent();
    if (!method.equals("Do"))
      return Value.explicit(
          method.replace("PostForm", "Post").toUpperCase(Locale.ROOT), List.of(f.at(call)));
    List<GoNode> args = GoFile.args(call);
    GoNode request = args.isEmpty() ? null : f.origin(args.get(0));
    String made = f.made(request);
    if (!(HTTP + ".NewRequestWithContext").equals(made) && !(HTTP + ".NewRequest").equals(made))
      return Value.unresolved("the request is not followed to its method", List.of(f.at(call)));
    List<GoNode> ra = GoFile.args(request);
    int index = made.endsWith("WithContext") ? 1 : 0;
    GoNode verb = ra.size() > index ? ra.get(index) : null;
    String literal = literal(verb);
    String constant = verb == null ? null : f.qualify(verb);
    if (literal == null && constant != null && constant.startsWith(HTTP + ".Method"))
      literal = constant.substring((HTTP + ".Method").length());
    return literal != null && !literal.isEmpty()
        ? Value.explicit(literal.toUpperCase(Locale.ROOT), List.of(f.at(verb)))
        : Value.unresolved(
            "the request's method is set from "
                + (verb == null ? "?" : GoFile.shorten(verb.text())),
            List.of(f.at(request)));
  }

  private Integration httpTimeout(GoNode call, GoNode client) {
    Integration i = integration(call, Integration.Kind.HTTP, "net/http", client);
    String method = GoFile.method(call);
    boolean viaDefault = client == null;
    List<GoNode> args = GoFile.args(call);
    GoNode request = "Do".equals(method) && !args.isEmpty() ? f.origin(args.get(0)) : null;
    String requestMade = f.made(request);
    if (!"Do".equals(method)) {
      i.target = target(args.isEmpty() ? null : args.get(0));
    } else if ((HTTP + ".NewRequestWithContext").equals(requestMade)
        || (HTTP + ".NewRequest").equals(requestMade)) {
      List<GoNode> ra = GoFile.args(request);
      int index = requestMade.endsWith("WithContext") ? 2 : 1;
      i.target = target(ra.size() > index ? ra.get(index) : null);
    }
    if (viaDefault && (defaultClient.isExplicit() || defaultClient.unresolved())) {
      i.timeout = defaultClient;
      return i;
    }
    Map<String, GoNode> settings =
        client != null && client.is("composite_literal") ? GoFile.keyed(client) : Map.of();
    GoNode timeout = settings.get("Timeout");
    GoNode assigned = client == null ? null : assignedTimeout(GoFile.receiver(call));
    if (assigned != null) timeout = assigned;
    if (timeout != null && !GoDurations.zero(timeout)) {
      i.timeout =
          Value.explicit(
              GoDurations.text(f, timeout) + " (http.Client.Timeout)", List.of(f.at(timeout)));
      return i;
    }
    Value<String> transport = transport(settings.get("Transport"));
    if (transport.isExplicit() || transport.unresolved()) {
      i.timeout = transport;
      return i;
    }
    String noClientTimeout =
        viaDefault
            ? "http.DefaultClient has no timeout"
            : timeout != null
                ? "the http.Client's Timeout is 0 (no timeout)"
                : "the http.Client sets no Timeout (zero means no timeout)";
    Value<String> deadline = requestDeadline(method, request, requestMade, args);
    if (deadline.isExplicit()) {
      i.timeout = deadline;
    } else if (deadline.unresolved()) {
      i.timeout = Value.unresolved(noClientTimeout + "; " + deadline.note(), deadline.trace());
    } else {
      List<Location> trace = new java.util.ArrayList<>();
      if (timeout != null) trace.add(f.at(timeout));
      if (request != null) trace.add(f.at(request));
      i.timeout =
          none(
              noClientTimeout
                  + ("Do".equals(method) ? ", and the request's context has no deadline" : ""),
              trace);
    }
    return i;
  }

  /**
   * {@code c.Timeout = d} assigned on the client after it is made: in the same function for a local
   * variable, anywhere in the file for a package variable or a struct field; the last one wins.
   */
  private GoNode assignedTimeout(GoNode receiver) {
    if (receiver == null) return null;
    String target = receiver.text();
    boolean local =
        receiver.is("identifier")
            && receiver.declaration() != null
            && f.binding(target, receiver) != null
            && isLocalBinding(target, receiver);
    GoNode scope = local ? receiver.declaration() : f.root;
    String field =
        receiver.is("selector_expression") && receiver.field("field") != null
            ? receiver.field("field").text()
            : null;
    GoNode found = null;
    for (GoNode a : timeoutAssignments()) {
      if (a.start < scope.start || a.end > scope.end) continue;
      GoNode left = a.field("left");
      GoNode right = a.field("right");
      if (left == null || right == null || left.children.size() != right.children.size()) continue;
      for (int k = 0; k < left.children.size(); k++) {
        GoNode l = left.children.get(k);
        if (!l.is("selector_expression")
            || l.field("field") == null
            || !l.field("field").text().equals("Timeout")) continue;
        GoNode owner = l.field("operand");
        boolean same =
            owner.text().equals(target)
                || field != null
                    && owner.is("selector_expression")
                    && owner.field("field") != null
                    && owner.field("field").text().equals(field);
        if (same && (!local || a.end <= receiver.start)) found = right.children.get(k);
      }
    }
    return found;
  }

  private List<GoNode> timeoutAssignments;

  /** Assignments to some {@code x.Timeout} in the file, collected once. */
  private List<GoNode> timeoutAssignments() {
    if (timeoutAssignments == null) {
      timeoutAssignments =
          f.root.all("assignment_statement").stream()
              .filter(
                  a -> {
                    GoNode left = a.field("left");
                    return left != null
                        && left.children.stream()
                            .anyMatch(
                                l ->
                                    l.is("selector_expression")
                                        && l.field("field") != null
                                        && l.field("field").text().equals("Timeout"));
                  })
              .toList();
    }
    return timeoutAssignments;
  }

  /** Whether a name used in a function is bound in that function (not at package level). */
  private boolean isLocalBinding(String name, GoNode use) {
    GoNode decl = use.declaration();
    for (GoNode b : decl.all("short_var_declaration")) {
      GoNode left = b.field("left");
      if (left != null && left.children.stream().anyMatch(c -> c.text().equals(name))) return true;
    }
    for (GoNode b : decl.all("var_spec")) {
      for (GoNode c : b.children) if ("name".equals(c.field) && c.text().equals(name)) return true;
    }
    return false;
  }

  /**
   * The context deadline of the request a call sends; absent for Get/Post and requests made without
   * a context.
   */
  private Value<String> requestDeadline(
      String method, GoNode request, String requestMade, List<GoNode> args) {
    if (!"Do".equals(method)) return Value.absent();
    if ((HTTP + ".NewRequestWithContext").equals(requestMade)) {
      List<GoNode> ra = GoFile.args(request);
      return ra.isEmpty()
          ? Value.unresolved("the request's context cannot be read", List.of())
          : deadlines.of(ra.get(0));
    }
    if ((HTTP + ".NewRequest").equals(requestMade)) return Value.absent();
    if (request != null && request.is("call_expression")) {
      String m = GoFile.method(request);
      List<GoNode> ra = GoFile.args(request);
      if (("WithContext".equals(m) || "Clone".equals(m)) && ra.size() == 1)
        return deadlines.of(ra.get(0));
    }
    return Value.unresolved(
        "the request " + GoFile.shorten(args.get(0).text()) + " cannot be followed to its context",
        List.of());
  }

  /** Transport.ResponseHeaderTimeout bounds the wait for a response (not the body). */
  private Value<String> transport(GoNode expr) {
    if (expr == null) return Value.absent();
    if ((HTTP + ".DefaultTransport").equals(f.qualify(expr)))
      return Value.absent(); // no ResponseHeaderTimeout
    GoNode t = f.origin(expr);
    if (t == null || !t.is("composite_literal") || !(HTTP + ".Transport").equals(f.made(t))) {
      return Value.unresolved(
          "the client's Transport (" + GoFile.shorten(expr.text()) + ") cannot be followed",
          List.of(f.at(expr)));
    }
    GoNode header = GoFile.keyed(t).get("ResponseHeaderTimeout");
    if (header == null || GoDurations.zero(header)) return Value.absent();
    return Value.explicit(
        "response headers within "
            + GoDurations.text(f, header)
            + " (Transport.ResponseHeaderTimeout)",
        List.of(f.at(header)));
  }

  // ---- aws-sdk-go-v2: the default HTTP client has connect (30 s) and TLS (10 s) timeouts but no
  // overall timeout.

  private Integration aws(GoNode call, String method, GoNode client, String servicePath) {
    Integration i = integration(call, Integration.Kind.AWS_SDK, "aws-sdk-go-v2", client);
    i.target = Value.explicit("AWS " + GoFile.packageName(servicePath) + " " + method, List.of());
    List<GoNode> clientArgs = GoFile.args(client);
    GoNode config = clientArgs.isEmpty() ? null : f.origin(clientArgs.get(0));
    boolean followed = config != null && (AWS_CONFIG + ".LoadDefaultConfig").equals(f.made(config));
    AwsOptions options = new AwsOptions(f);
    if (followed) GoFile.args(config).stream().skip(1).forEach(options::configOption);
    clientArgs.stream().skip(1).forEach(options::clientOption);
    List<GoNode> args = GoFile.args(call);
    Value<String> deadline =
        args.isEmpty()
            ? Value.unresolved("the call has no context argument", List.of())
            : deadlines.of(args.get(0));
    if (options.timeout.isExplicit()) {
      i.timeout = options.timeout;
    } else if (deadline.isExplicit()) {
      i.timeout = deadline;
    } else if (!followed) {
      i.timeout =
          Value.unresolved(
              "the aws.Config passed to the client ("
                  + (clientArgs.isEmpty() ? "?" : GoFile.shorten(clientArgs.get(0).text()))
                  + ") cannot be followed, and "
                  + (deadline.unresolved() ? deadline.note() : "the context has no deadline"),
              List.of());
    } else if (options.timeout.unresolved()) {
      i.timeout = options.timeout;
    } else if (deadline.unresolved()) {
      i.timeout =
          Value.unresolved(
              "the SDK's default HTTP client has no overall timeout; " + deadline.note(),
              deadline.trace());
    } else {
      i.timeout =
          none(
              "aws-sdk-go-v2's default HTTP client only bounds connecting (30 s) and the TLS handshake (10 s), "
                  + "and the context passed has no deadline",
              options.timeout.trace());
    }
    if (options.retry.present() || options.retry.unresolved()) {
      i.retry = options.retry;
      i.retriesDisabled = options.retriesDisabled;
    } else if (!followed) {
      i.retry =
          Value.unresolved("the aws.Config passed to the client cannot be followed", List.of());
    } else {
      i.retry =
          Value.defaulted(
              "standard retryer, 3 attempts (SDK default)",
              "the SDK retries throttling and transient errors by default");
    }
    i.attemptSeconds = GoWaits.attempt(i.timeout);
    i.attempts = GoWaits.awsAttempts(i);
    return i;
  }

  // ---- go-redis: dial 5 s, read 3 s, write = read by default; -1 (and -2) switch the socket
  // deadlines off.

  private Integration redis(GoNode call, GoNode constructor) {
    Integration i = integration(call, Integration.Kind.DATABASE, "go-redis", constructor);
    List<GoNode> args = GoFile.args(constructor);
    GoNode options = args.isEmpty() ? null : f.origin(args.get(0));
    String made = f.made(options);
    if (options != null
        && options.is("call_expression")
        && made != null
        && redisPath(GoFile.pathOf(made))
        && GoFile.memberOf(made).equals("ParseURL")) {
      return redisUrl(i, options);
    }
    if (options == null || !options.is("composite_literal")) {
      i.timeout =
          Value.unresolved(
              "the redis options ("
                  + (args.isEmpty() ? "?" : GoFile.shorten(args.get(0).text()))
                  + ") cannot be followed",
              List.of());
      return i;
    }
    Map<String, GoNode> o = GoFile.keyed(options);
    GoNode addr = o.get("Addr");
    String host = addr == null ? null : literal(addr);
    if (host != null) i.target = Value.explicit(host, List.of());
    GoNode read = o.get("ReadTimeout");
    if (read == null) {
      i.timeout =
          Value.defaulted(
              "dial 5 s, read 3 s, write 3 s (go-redis defaults)",
              "go-redis's default socket timeouts apply");
    } else if (read.is("unary_expression")
        && (read.text().equals("-1") || read.text().equals("-2"))) {
      i.timeout =
          none(
              "ReadTimeout " + read.text() + " switches go-redis's read deadline off",
              List.of(f.at(read)));
    } else {
      i.timeout =
          Value.explicit(
              "read " + GoDurations.text(f, read) + " (ReadTimeout)", List.of(f.at(read)));
    }
    GoNode retries = o.get("MaxRetries");
    if (retries != null) {
      i.retry =
          Value.explicit(
              retries.text().equals("-1")
                  ? "disabled (MaxRetries -1)"
                  : "MaxRetries " + retries.text(),
              List.of(f.at(retries)));
    } else {
      i.retry =
          Value.defaulted(
              "3 retries (go-redis default MaxRetries)",
              "go-redis retries failed commands by default");
    }
    return i;
  }

  /**
   * Options from {@code redis.ParseURL(url)}: the defaults apply unless the URL's query sets the
   * timeouts.
   */
  private Integration redisUrl(Integration i, GoNode parse) {
    List<GoNode> args = GoFile.args(parse);
    String url = args.isEmpty() ? null : literal(args.get(0));
    if (url != null && url.contains("read_timeout=")) {
      String value =
          url.substring(url.indexOf("read_timeout=") + "read_timeout=".length()).split("&")[0];
      i.timeout =
          value.startsWith("-")
              ? none(
                  "read_timeout=" + value + " in the redis URL switches the read deadline off",
                  List.of(f.at(parse)))
              : Value.explicit(
                  "read " + value + " (read_timeout in the redis URL)", List.of(f.at(parse)));
    } else {
      i.timeout =
          Value.defaulted(
              "dial 5 s, read 3 s, write 3 s (go-redis defaults)",
              "go-redis's default socket timeouts apply"
                  + (url == null ? " unless the URL, read at run time, sets read_timeout" : ""));
    }
    i.retry =
        Value.defaulted(
            "3 retries (go-redis default MaxRetries)",
            "go-redis retries failed commands by default");
    return i;
  }

  // ---- Helpers.

  private String literal(GoNode n) {
    return literal(f, n);
  }

  /** A string literal, or a name bound to one. */
  static String literal(GoFile f, GoNode n) {
    if (n == null) return null;
    String s = n.stringValue();
    if (s != null) return s;
    if (n.is("identifier")) {
      GoNode bound = f.binding(n.text(), n);
      return bound == null ? null : bound.stringValue();
    }
    return null;
  }

  /**
   * Scheme, host and port of a URL written literally (also as the start of a concatenation or
   * fmt.Sprintf format).
   */
  private Value<String> target(GoNode url) {
    String text = literalPrefix(url, 0);
    if (text == null || !text.contains("://")) return Value.absent();
    try {
      java.net.URI u =
          java.net.URI.create(
              text.replace("%", "%25").replace(" ", "%20").replace("{", "%7B").replace("}", "%7D"));
      if (u.getHost() != null)
        return Value.explicit(
            u.getScheme() + "://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : ""),
            List.of());
    } catch (IllegalArgumentException e) {
      // not a URL
    }
    return Value.absent();
  }

  private String literalPrefix(GoNode n, int depth) {
    if (n == null || depth > 4) return null;
    String s = n.stringValue();
    if (s != null) return s;
    if (n.is("binary_expression")) return literalPrefix(n.field("left"), depth + 1);
    if (n.is("identifier")) return literalPrefix(f.binding(n.text(), n), depth + 1);
    if (n.is("call_expression") && "fmt.Sprintf".equals(f.qualify(n.field("function")))) {
      List<GoNode> args = GoFile.args(n);
      return args.isEmpty() ? null : literalPrefix(args.get(0), depth + 1);
    }
    return null;
  }

  static Value<String> none(String why, List<Location> trace) {
    return Value.<String>defaulted(null, why).withTrace(trace);
  }
}
