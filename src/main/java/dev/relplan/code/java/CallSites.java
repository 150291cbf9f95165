package dev.relplan.code.java;

import static dev.relplan.code.java.KnownTypes.*;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.source.Location;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recognises outbound calls and reads the timeout that applies to each from how its client was
 * built. Library defaults are in docs/client-defaults.md with their sources.
 */
final class CallSites {
  static final Set<String> REST_TEMPLATE_CALLS =
      Set.of(
          "getForObject",
          "getForEntity",
          "postForObject",
          "postForEntity",
          "postForLocation",
          "put",
          "delete",
          "patchForObject",
          "exchange",
          "execute",
          "headForHeaders",
          "optionsForAllow");
  static final Set<String> SPEC_CALLS = Set.of("retrieve", "exchangeToMono", "exchangeToFlux");
  static final Set<String> JAXRS_CALLS =
      Set.of("get", "post", "put", "delete", "method", "head", "options");
  private static final Set<String> AWS_NOT_CALLS =
      Set.of(
          "close",
          "serviceName",
          "utilities",
          "waiter",
          "presigner",
          "serviceClientConfiguration",
          "toString",
          "hashCode",
          "equals",
          "getClass");

  /** Service names as AWS writes them, for the common clients whose class names differ. */
  private static final java.util.Map<String, String> AWS_SERVICES =
      java.util.Map.of(
          "Sqs",
          "SQS",
          "Sns",
          "SNS",
          "DynamoDb",
          "DynamoDB",
          "Ses",
          "SES",
          "SesV2",
          "SESv2",
          "Sfn",
          "Step Functions",
          "EventBridge",
          "EventBridge",
          "Ssm",
          "SSM",
          "Sts",
          "STS");

  private final FileContext ctx;

  CallSites(FileContext ctx) {
    this.ctx = ctx;
  }

  /**
   * The integration a method call makes, or null when it is not an outbound call the scanner knows.
   */
  Integration analyse(MethodCallExpr m) {
    String name = m.getNameAsString();
    Expression receiver = m.getScope().orElse(null);
    if (receiver == null) return null;
    if (SPEC_CALLS.contains(name)) return spec(m);
    if (name.equals("connect")) {
      Integration socket = new JavaSockets(ctx, this).connect(m);
      if (socket != null) return socket;
    }
    if (UrlConnections.SENDS.contains(name) || name.equals(UrlConnections.OPEN_STREAM))
      return new UrlConnections(ctx, this).analyse(m);
    if (JAXRS_CALLS.contains(name) && chainHas(m, "request")) {
      Integration i = jaxrs(m);
      if (i != null) return i;
    }
    boolean known =
        name.equals("send")
            || name.equals("sendAsync")
            || name.equals("execute")
            || name.equals("newCall")
            || REST_TEMPLATE_CALLS.contains(name);
    boolean aws = !known && isAwsReceiver(receiver);
    if (!known && !aws) return null;
    Built client = ctx.eval(receiver);
    if (client == null || client.type == null) return null;
    String t = client.type;
    if (t.equals(JDK_HTTP_CLIENT) && (name.equals("send") || name.equals("sendAsync")))
      return jdk(m, client);
    if (name.equals("execute")
        && (t.startsWith("org.apache.http.") || t.startsWith("org.apache.hc.client5.")))
      return apache(m, client);
    if (name.equals("newCall") && t.startsWith(OKHTTP)) return okhttp(m, client);
    if (REST_TEMPLATE_CALLS.contains(name)
        && (t.equals(REST_TEMPLATE) || t.equals(REST_TEMPLATE_BUILDER)))
      return restTemplate(m, client);
    if (isAwsClientType(t) && !AWS_NOT_CALLS.contains(name)) return aws(m, client);
    if (isAwsV1ClientType(t) && !AWS_NOT_CALLS.contains(name) && !AWS_V1_NOT_CALLS.contains(name))
      return awsV1(m, client);
    return null;
  }

  // ---- java.net.http.HttpClient: only HttpRequest.timeout bounds the wait for the response.

  private Integration jdk(MethodCallExpr m, Built client) {
    Integration i = integration(m, Integration.Kind.HTTP, "java.net.http.HttpClient", client);
    Built request = m.getArguments().isEmpty() ? null : ctx.eval(m.getArgument(0));
    Settings.Found timeout = request == null ? null : Settings.first(request, Set.of("timeout"));
    Settings.Found connect = Settings.first(client, Set.of("connectTimeout"));
    i.target = request == null ? Value.absent() : target(request, Set.of("newBuilder", "uri"));
    if (timeout == null && name(m).equals("sendAsync")) reactorOperators(i, m, ctx);
    if (i.timeout.present()) {
      return i; // bounded by an operator on the returned future
    } else if (timeout != null) {
      i.timeout = explicit(timeout, "request", null);
    } else if (request == null || request.unresolved != null) {
      i.timeout =
          Value.unresolved(
              "the HttpRequest is built where the scanner cannot follow it"
                  + (request != null ? " (" + request.unresolved + ")" : ""),
              List.of());
    } else {
      i.timeout =
          none(
              "HttpRequest.Builder.timeout is not set: the call waits for the response forever"
                  + (connect != null
                      ? " (the client only sets a connect timeout at "
                          + connect.step().location()
                          + ")"
                      : ""),
              connect == null ? List.of() : List.of(connect.step().location()));
    }
    i.attemptSeconds = JavaWaits.attempt(i.timeout, null, 0);
    i.attempts = JavaWaits.once("java.net.http.HttpClient does not retry a failed request");
    JavaHttpMethods.ofBuilder(i, m, request, true);
    return i;
  }

  // ---- Apache HttpClient 4 and 5: a socket / response timeout in RequestConfig or
  // ConnectionConfig.

  private Integration apache(MethodCallExpr m, Built client) {
    boolean five = client.type.startsWith("org.apache.hc.client5.");
    Integration i =
        integration(
            m, Integration.Kind.HTTP, five ? "Apache HttpClient 5" : "Apache HttpClient 4", client);
    Built request = m.getArguments().isEmpty() ? null : ctx.eval(m.getArgument(0));
    Set<String> names =
        five
            ? Set.of("setResponseTimeout", "setSocketTimeout", "setSoTimeout")
            : Set.of("setSocketTimeout", "setSoTimeout");
    Settings.Found onRequest = request == null ? null : Settings.first(request, names);
    Settings.Found found = onRequest != null ? onRequest : Settings.first(client, names);
    if (request != null) i.target = target(request, Set.of("<init>"));
    String unresolved = Settings.unresolved(client);
    if (found != null) {
      i.timeout = explicit(found, "read", "ms");
    } else if (unresolved != null) {
      i.timeout =
          Value.unresolved(
              "the client's configuration cannot be followed: " + unresolved, List.of());
    } else {
      i.timeout =
          none(
              five
                  ? "no response or socket timeout is set: HttpClient 5 leaves both unset by default, so a response can be awaited forever"
                  : "no socket timeout is set: HttpClient 4's RequestConfig default (-1) falls back to the system default, which is infinite",
              List.of());
    }
    return i;
  }

  // ---- OkHttp: finite defaults (10 s connect, read and write).

  private Integration okhttp(MethodCallExpr m, Built client) {
    Integration i = integration(m, Integration.Kind.HTTP, "OkHttp", client);
    Built request = m.getArguments().isEmpty() ? null : ctx.eval(m.getArgument(0));
    if (request != null) i.target = target(request, Set.of("url"));
    i.timeout = okhttpTimeout(client);
    i.attemptSeconds = JavaWaits.attempt(i.timeout, JavaWaits.OKHTTP_DEFAULT, 0);
    i.attempts =
        JavaWaits.once("OkHttp retries only failed connections, not a request that timed out");
    JavaHttpMethods.ofBuilder(i, m, request, false);
    return i;
  }

  static Value<String> okhttpTimeout(Built client) {
    Settings.Found call = Settings.first(client, Set.of("callTimeout"));
    Settings.Found read = Settings.first(client, Set.of("readTimeout"));
    if (call != null && !render(call, null).zero()) return explicit(call, "call", null);
    if (read != null) {
      if (render(read, null).zero()) {
        return none(
            "readTimeout(0) disables the read timeout and no call timeout is set",
            List.of(read.step().location()));
      }
      return explicit(read, "read", null);
    }
    String unresolved = Settings.unresolved(client);
    if (unresolved != null)
      return Value.unresolved(
          "the OkHttpClient's configuration cannot be followed: " + unresolved, List.of());
    return Value.defaulted(
        "10 s connect/read/write (OkHttp defaults; no call timeout)",
        "OkHttp's default timeouts apply");
  }

  // ---- Spring RestTemplate: the request factory decides; the default one never times out.

  private Integration restTemplate(MethodCallExpr m, Built client) {
    Integration i = integration(m, Integration.Kind.HTTP, "Spring RestTemplate", client);
    JavaHttpMethods.ofRestTemplate(i, m, ctx);
    if (!m.getArguments().isEmpty()) i.target = urlTarget(m.getArgument(0));
    Settings.Found read =
        Settings.first(
            client,
            Set.of(
                "setReadTimeout",
                "readTimeout",
                "setResponseTimeout",
                "responseTimeout",
                "setSocketTimeout",
                "setSoTimeout"));
    if (read != null) {
      Durations.Rendered r = render(read, "ms");
      i.timeout =
          r.zero()
              ? none(
                  "the read timeout is set to 0, which means no timeout",
                  List.of(read.step().location()))
              : explicit(read, "read", "ms");
      return i;
    }
    Value<String> configured = bootProperties(client);
    if (configured != null) {
      i.timeout = configured;
      return i;
    }
    String unresolved = Settings.unresolved(client);
    if (client.type.equals(REST_TEMPLATE_BUILDER) || unresolved != null) {
      i.timeout =
          Value.unresolved(
              client.type.equals(REST_TEMPLATE_BUILDER) && unresolved == null
                  ? "built with a RestTemplateBuilder whose defaults depend on the Spring Boot version, the HTTP library on the classpath and spring.http.client.* properties"
                  : "the RestTemplate's configuration cannot be followed: " + unresolved,
              List.of());
      return i;
    }
    Built factory = requestFactory(client);
    if (factory == null) {
      i.timeout =
          none(
              "new RestTemplate() uses SimpleClientHttpRequestFactory, whose connect and read timeouts default to infinite",
              List.of());
    } else if (factory.type != null
        && (factory.type.endsWith(".SimpleClientHttpRequestFactory")
            || factory.type.endsWith(".HttpComponentsClientHttpRequestFactory")
            || factory.type.endsWith(".JdkClientHttpRequestFactory"))) {
      i.timeout =
          none(
              "its "
                  + simple(factory.type)
                  + " sets no read timeout, and that factory's default is infinite",
              List.of(factory.origin));
    } else {
      i.timeout =
          Value.unresolved(
              "the request factory "
                  + (factory.type == null ? "" : simple(factory.type) + " ")
                  + "is not one the scanner knows",
              List.of());
    }
    return i;
  }

  /** Spring Boot's read timeout properties for blocking clients: 4.x, then 3.4 and 3.5. */
  private static final String[] BOOT_READ_TIMEOUT = {
    "spring.http.clients.read-timeout",
    "spring.http.client.read-timeout",
    "spring.http.client.settings.read-timeout"
  };

  /**
   * The read timeout Spring Boot's properties give a client built from its injected
   * RestTemplateBuilder or RestClient.Builder with nothing else unknown: the default profile's
   * value, or unresolved when only profiles set it; null when no property applies.
   */
  private Value<String> bootProperties(Built client) {
    boolean bootBuilder =
        client.type.equals(REST_TEMPLATE_BUILDER) || client.type.equals(REST_CLIENT + ".Builder");
    if (!client.injected || !bootBuilder) return null;
    Built rest = client.copy();
    rest.unresolved = null;
    if (Settings.unresolved(rest) != null) return null;
    SpringConfig.Property set = ctx.spring.get(BOOT_READ_TIMEOUT);
    List<SpringConfig.Property> profiles = ctx.spring.inProfiles(BOOT_READ_TIMEOUT);
    if (set != null) return SpringConfig.timeout(set, "read", "ms", profiles);
    if (profiles.isEmpty()) return null;
    return Value.unresolved(
        "the default profile sets no read timeout; " + SpringConfig.profilesNote(profiles),
        profiles.stream().map(SpringConfig.Property::location).toList());
  }

  private static Built requestFactory(Built client) {
    for (Built.Step s : client.steps) {
      if ((s.name().equals("<init>")
              || s.name().equals("setRequestFactory")
              || s.name().equals("requestFactory"))
          && !s.args().isEmpty()) {
        Built f = s.ctx().eval(s.args().get(0));
        if (f != null) return f;
      }
    }
    return null;
  }

  // ---- Spring WebClient and RestClient: fluent request specs ending in retrieve()/exchange*().

  private Integration spec(MethodCallExpr m) {
    List<MethodCallExpr> chain = new ArrayList<>();
    Expression cur = m;
    while (cur instanceof MethodCallExpr c && c.getScope().isPresent()) {
      chain.add(0, c);
      cur = c.getScope().get();
    }
    Built client =
        cur instanceof NameExpr || cur instanceof FieldAccessExpr || cur instanceof MethodCallExpr
            ? ctx.eval(cur)
            : null;
    if (client == null || client.type == null) return null;
    boolean web = client.type.startsWith(WEB_CLIENT);
    boolean rest = client.type.startsWith(REST_CLIENT);
    if (!web && !rest) return null;
    Integration i =
        integration(
            m, Integration.Kind.HTTP, web ? "Spring WebClient" : "Spring RestClient", client);
    for (MethodCallExpr c : chain) {
      if (c.getNameAsString().equals("uri") && !c.getArguments().isEmpty())
        i.target = urlTarget(c.getArgument(0));
    }
    if (!i.target.present()) i.target = target(client, Set.of("baseUrl", "create"));
    MethodCallExpr timeout = reactorOperators(i, m, ctx);
    Settings.Found response =
        Settings.first(
            client,
            Set.of("responseTimeout", "setReadTimeout", "readTimeout", "setResponseTimeout"));
    if (timeout != null) {
      i.timeout = operatorTimeout(timeout, timeout.getArguments(), ctx);
    } else if (response != null) {
      i.timeout = explicit(response, "response", "ms");
    } else if (rest && bootProperties(client) != null) {
      i.timeout = bootProperties(client);
    } else if (Settings.unresolved(client) != null) {
      i.timeout =
          Value.unresolved(
              "the client's configuration cannot be followed: "
                  + Settings.unresolved(client)
                  + (web && client.injected && bootsOwnWebClientBuilder()
                      ? BOOT_WEB_CLIENT_BUILDER
                      : ""),
              List.of());
    } else if (web) {
      i.timeout =
          none(
              "no response timeout: WebClient on Reactor Netty sets none by default (only a 30 s connect timeout), and no timeout() operator bounds this call",
              List.of());
    } else if (client.has("requestFactory")) {
      Built factory = requestFactory(client);
      boolean known =
          factory != null
              && factory.type != null
              && (factory.type.endsWith(".SimpleClientHttpRequestFactory")
                  || factory.type.endsWith(".JdkClientHttpRequestFactory")
                  || factory.type.endsWith(".HttpComponentsClientHttpRequestFactory"));
      i.timeout =
          known
              ? none(
                  "its "
                      + simple(factory.type)
                      + " sets no read timeout, and that factory's default is infinite",
                  List.of(factory.origin))
              : Value.unresolved("the request factory is not one the scanner knows", List.of());
    } else {
      i.timeout =
          Value.unresolved(
              "RestClient picks its HTTP library from the classpath, so its default timeouts are not visible in the code",
              List.of());
    }
    return i;
  }

  /**
   * Why Boot's own WebClient.Builder does not settle the timeout: its connector is chosen from the
   * classpath (docs/client-defaults.md, "Spring Boot configuration files").
   */
  static final String BOOT_WEB_CLIENT_BUILDER =
      "; Spring Boot then injects its auto-configured WebClient.Builder, whose HTTP connector (Reactor"
          + " Netty, Jetty, Apache HttpClient 5 or the JDK client, the first on the classpath) and so"
          + " whose default timeouts the code does not show (with Reactor Netty: no response timeout,"
          + " 30 s connect)";

  /** Whether no @Bean method of the file's application builds a WebClient.Builder. */
  private boolean bootsOwnWebClientBuilder() {
    return ctx.beans().producers("WebClient.Builder", ctx.file).isEmpty();
  }

  /**
   * Reactor operators applied to the publisher a call returns (at the call, or by a caller of the
   * method that returns it): retry/retryWhen, onErrorResume/onErrorReturn, and a timeout or a
   * bounded block; sets the retry and fallback and a timeout, and returns the timeout operator.
   */
  static MethodCallExpr reactorOperators(Integration i, MethodCallExpr m, FileContext ctx) {
    MethodCallExpr timeout = null;
    for (Node n = m;
        n.getParentNode().orElse(null) instanceof MethodCallExpr p
            && p.getScope().orElse(null) == n;
        n = p) {
      String pn = p.getNameAsString();
      if ((pn.equals("timeout")
              || pn.equals("block")
              || pn.equals("blockFirst")
              || pn.equals("blockLast"))
          && !p.getArguments().isEmpty()) timeout = p;
      // CompletableFuture: orTimeout(n, unit), completeOnTimeout(value, n, unit), get(n, unit).
      if (pn.equals("orTimeout") && p.getArguments().size() == 2
          || pn.equals("get") && p.getArguments().size() == 2) timeout = p;
      if (pn.equals("completeOnTimeout") && p.getArguments().size() == 3) {
        timeout = p;
        i.fallback =
            Value.explicit("completeOnTimeout default value", List.of(ctx.at(p.getName())));
      }
      if (pn.equals("retry") || pn.equals("retryWhen"))
        i.retry =
            Value.explicit("Reactor " + pn + "(" + args(p) + ")", List.of(ctx.at(p.getName())));
      if (pn.equals("onErrorResume") || pn.equals("onErrorReturn"))
        i.fallback = Value.explicit("Reactor " + pn, List.of(ctx.at(p.getName())));
    }
    if (timeout != null && !i.timeout.present()) {
      List<Expression> args =
          timeout.getNameAsString().equals("completeOnTimeout")
              ? timeout.getArguments().subList(1, 3)
              : timeout.getArguments();
      i.timeout = operatorTimeout(timeout, args, ctx);
    }
    return timeout;
  }

  /**
   * A timeout operator's bound ("5 s (timeout)"); one read from a Spring setting names it and cites
   * its lines, or is unresolved with the reason.
   */
  private static Value<String> operatorTimeout(
      MethodCallExpr timeout, List<Expression> args, FileContext ctx) {
    Durations.Rendered r = Durations.render(args, null, ctx);
    List<Location> trace = new java.util.ArrayList<>(List.of(ctx.at(timeout.getName())));
    trace.addAll(r.from());
    if (r.unresolved() != null) return Value.unresolved(r.unresolved(), trace);
    String source =
        r.source().isEmpty() ? "" : ", " + r.source().substring(2, r.source().length() - 1);
    return Value.explicit(r.text() + " (" + timeout.getNameAsString() + source + ")", trace);
  }

  // ---- JAX-RS client: connectTimeout/readTimeout on ClientBuilder.

  private Integration jaxrs(MethodCallExpr m) {
    Expression cur = m;
    List<MethodCallExpr> chain = new ArrayList<>();
    while (cur instanceof MethodCallExpr c && c.getScope().isPresent()) {
      chain.add(0, c);
      cur = c.getScope().get();
    }
    if (chain.isEmpty() || !chain.get(0).getNameAsString().equals("target")) return null;
    Built client = ctx.eval(cur);
    if (client == null
        || client.type == null
        || !(client.type.startsWith("jakarta.ws.rs.client.")
            || client.type.startsWith("javax.ws.rs.client."))) return null;
    Integration i = integration(m, Integration.Kind.HTTP, "JAX-RS Client", client);
    MethodCallExpr target = chain.get(0);
    if (!target.getArguments().isEmpty()) i.target = urlTarget(target.getArgument(0));
    Settings.Found read = Settings.first(client, Set.of("readTimeout"));
    for (Settings.Found p : Settings.find(client, Set.of("property"))) {
      // Jersey: property(ClientProperties.READ_TIMEOUT, millis) or
      // "jersey.config.client.readTimeout".
      List<Expression> args = p.step().args();
      if (args.size() == 2
          && (args.get(0).toString().endsWith("READ_TIMEOUT")
              || args.get(0).toString().contains("jersey.config.client.readTimeout"))) {
        Durations.Rendered r = Durations.render(args.subList(1, 2), "ms", p.step().ctx());
        i.timeout =
            r.zero()
                ? none(
                    "the Jersey read timeout is set to 0 (infinite)", List.of(p.step().location()))
                : Value.explicit(r.text() + " read timeout", List.of(p.step().location()));
        return i;
      }
    }
    if (read != null) {
      i.timeout =
          render(read, null).zero()
              ? none("readTimeout(0) means no timeout", List.of(read.step().location()))
              : explicit(read, "read", null);
    } else if (Settings.unresolved(client) != null) {
      i.timeout =
          Value.unresolved(
              "the client's configuration cannot be followed: " + Settings.unresolved(client),
              List.of());
    } else {
      i.timeout =
          none(
              "no read timeout is set on the ClientBuilder; JAX-RS leaves the default to the implementation, and Jersey's is infinite",
              List.of());
    }
    return i;
  }

  // ---- AWS SDK for Java 2.x: no API call timeout by default, but finite HTTP client timeouts.

  private boolean isAwsReceiver(Expression receiver) {
    String type = ctx.receiverType(receiver);
    return type != null && (isAwsClientType(type) || isAwsV1ClientType(type));
  }

  private static final Set<String> AWS_V1_NOT_CALLS =
      Set.of(
          "shutdown",
          "setRegion",
          "setEndpoint",
          "getRegion",
          "getCachedResponseMetadata",
          "setSignerRegionOverride",
          "waiters");

  /**
   * AWS SDK for Java 1.x: clients and builders such as AmazonS3, AmazonSQSClient,
   * AmazonDynamoDBClientBuilder.
   */
  static boolean isAwsV1ClientType(String t) {
    if (!t.startsWith("com.amazonaws.services.")) return false;
    String simple = t.substring(t.lastIndexOf('.') + 1);
    if (!simple.startsWith("Amazon") && !simple.startsWith("AWS")) return false;
    return !(simple.endsWith("Exception")
        || simple.endsWith("Request")
        || simple.endsWith("Result")
        || simple.endsWith("Builder") && !simple.endsWith("ClientBuilder"));
  }

  /**
   * AWS SDK for Java 1.x: request and client execution timeouts are off by default, socket 50 s and
   * connect 10 s.
   */
  private Integration awsV1(MethodCallExpr m, Built client) {
    String simple = simple(client.type);
    String service =
        simple.replaceAll("^(Amazon|AWS)", "").replaceAll("(Async)?(Client)?(Builder)?$", "");
    Integration i = integration(m, Integration.Kind.AWS_SDK, "AWS SDK for Java 1.x", client);
    i.target = Value.explicit("AWS " + service + " " + m.getNameAsString(), List.of());
    String unresolved = Settings.unresolved(client);
    Settings.Found execution =
        Settings.first(
            client,
            Set.of(
                "withClientExecutionTimeout",
                "setClientExecutionTimeout",
                "withRequestTimeout",
                "setRequestTimeout"));
    Settings.Found socket = Settings.first(client, Set.of("withSocketTimeout", "setSocketTimeout"));
    if (execution != null && !render(execution, "ms").zero()) {
      i.timeout =
          explicit(
              execution,
              execution.step().name().contains("ClientExecution") ? "client execution" : "request",
              "ms");
    } else if (unresolved != null) {
      i.timeout =
          Value.unresolved(
              "the " + simple + "'s configuration cannot be followed: " + unresolved, List.of());
    } else if (socket != null) {
      i.timeout =
          render(socket, "ms").zero()
              ? none(
                  "the socket timeout is set to 0 (none) and no request timeout is set",
                  List.of(socket.step().location()))
              : explicit(socket, "socket", "ms");
    } else {
      i.timeout =
          Value.defaulted(
              "no request timeout; socket read 50 s, connect 10 s (SDK v1 defaults)",
              "the SDK's ClientConfiguration defaults apply");
    }
    for (Settings.Found f :
        Settings.find(client, Set.of("withMaxErrorRetry", "setMaxErrorRetry", "NO_RETRY_POLICY"))) {
      boolean disabled = f.step().name().equals("NO_RETRY_POLICY") || literal(f, 0);
      if (disabled) {
        i.retriesDisabled = Value.explicit(true, List.of(f.step().location()));
        i.retry =
            Value.explicit("disabled (" + f.step().name() + ")", List.of(f.step().location()));
      } else {
        i.retry =
            Value.explicit(
                f.step().name() + "(" + f.step().args().get(0) + ")", List.of(f.step().location()));
      }
    }
    if (!i.retry.present()) {
      i.retry =
          unresolved != null
              ? Value.unresolved("the client's configuration cannot be followed", List.of())
              : Value.defaulted(
                  service.equals("DynamoDB")
                      ? "SDK default retry policy (10 retries for DynamoDB)"
                      : "SDK default retry policy (3 retries)",
                  "the SDK retries throttling and transient errors by default");
    }
    boolean wholeCall = execution != null && execution.step().name().contains("ClientExecution");
    i.attemptSeconds =
        JavaWaits.attempt(
            i.timeout, JavaWaits.AWS_V1_DEFAULT, execution == null && socket != null ? 10 : 0);
    i.attempts =
        wholeCall && i.attemptSeconds.present()
            ? Value.explicit(1, i.timeout.trace())
            : JavaWaits.awsAttempts(
                i,
                service.equals("DynamoDB") ? 11 : 4,
                "the SDK v1's default retry policy retries "
                    + (service.equals("DynamoDB") ? "DynamoDB calls 10 times" : "3 times"));
    return i;
  }

  static boolean isAwsClientType(String t) {
    if (!t.startsWith(AWS_V2_PREFIX)) return false;
    String simple = t.substring(t.lastIndexOf('.') + 1);
    return simple.endsWith("Client");
  }

  private Integration aws(MethodCallExpr m, Built client) {
    String simple = simple(client.type);
    String service =
        AWS_SERVICES.getOrDefault(
            simple.replaceAll("(Async)?Client$", ""), simple.replaceAll("(Async)?Client$", ""));
    Integration i = integration(m, Integration.Kind.AWS_SDK, "AWS SDK for Java 2.x", client);
    i.target = Value.explicit("AWS " + service + " " + m.getNameAsString(), List.of());
    Built call = new Built(null, ctx.at(m));
    call.steps.add(new Built.Step(m.getNameAsString(), m.getArguments(), ctx.at(m.getName()), ctx));
    Settings.Found onRequest =
        Settings.first(call, Set.of("apiCallTimeout", "apiCallAttemptTimeout"));
    Settings.Found onClient =
        Settings.first(client, Set.of("apiCallTimeout", "apiCallAttemptTimeout"));
    Settings.Found found = onRequest != null ? onRequest : onClient;
    String unresolved = Settings.unresolved(client);
    if (found != null) {
      i.timeout =
          explicit(
              found,
              found.step().name().equals("apiCallTimeout") ? "API call" : "API call attempt",
              null);
    } else if (unresolved != null) {
      i.timeout =
          Value.unresolved(
              "the " + simple + "'s configuration cannot be followed: " + unresolved, List.of());
    } else {
      Settings.Found socket = Settings.first(client, Set.of("socketTimeout", "readTimeout"));
      if (socket != null && render(socket, null).zero()) {
        i.timeout =
            none(
                "no API call timeout and the HTTP client's socket timeout is set to 0 (none)",
                List.of(socket.step().location()));
      } else if (socket != null) {
        i.timeout =
            Value.explicit(
                render(socket, null).text() + " socket timeout (no API call timeout)",
                List.of(socket.step().location()));
      } else {
        i.timeout =
            Value.defaulted(
                "no API call timeout; HTTP socket read 30 s, connect 2 s (SDK defaults)",
                "the SDK's HTTP client defaults apply");
      }
    }
    retries(i, client, unresolved);
    awsNumbers(i, found, service);
    return i;
  }

  /**
   * An apiCallTimeout bounds every attempt together; an apiCallAttemptTimeout each attempt; else
   * the HTTP client's socket timeout plus its 2 s connect timeout. The default legacy retry mode
   * retries 3 times (DynamoDB 8).
   */
  private static void awsNumbers(Integration i, Settings.Found callTimeout, String service) {
    boolean wholeCall = callTimeout != null && callTimeout.step().name().equals("apiCallTimeout");
    i.attemptSeconds =
        JavaWaits.attempt(
            i.timeout,
            JavaWaits.AWS_V2_DEFAULT,
            callTimeout == null ? JavaWaits.AWS_V2_CONNECT : 0);
    boolean dynamo = service.equals("DynamoDB");
    i.attempts =
        wholeCall
            ? Value.explicit(1, i.timeout.trace())
            : JavaWaits.awsAttempts(
                i,
                dynamo ? 9 : 4,
                "the SDK's default legacy retry mode retries "
                    + (dynamo ? "DynamoDB calls 8 times" : "3 times")
                    + ", unless AWS_RETRY_MODE or AWS_MAX_ATTEMPTS says otherwise");
  }

  private static void retries(Integration i, Built client, String unresolved) {
    for (Settings.Found f :
        Settings.find(client, Set.of("none", "doNotRetry", "numRetries", "maxAttempts"))) {
      String n = f.step().name();
      String owner = f.ownerType() == null ? "" : f.ownerType();
      boolean disabled =
          (n.equals("none") || n.equals("doNotRetry"))
                  && (owner.endsWith("RetryPolicy") || owner.endsWith("RetryStrategy"))
              || n.equals("numRetries") && literal(f, 0)
              || n.equals("maxAttempts") && literal(f, 1);
      if (disabled) {
        i.retriesDisabled = Value.explicit(true, List.of(f.step().location()));
        i.retry = Value.explicit("disabled (" + n + ")", List.of(f.step().location()));
        return;
      }
      if (n.equals("numRetries") || n.equals("maxAttempts")) {
        i.retry =
            Value.explicit(n + "(" + f.step().args().get(0) + ")", List.of(f.step().location()));
      }
    }
    if (!i.retry.present()) {
      i.retry =
          unresolved != null
              ? Value.unresolved("the client's configuration cannot be followed", List.of())
              : Value.defaulted(
                  "SDK default retry strategy",
                  "the SDK retries throttling and transient errors by default");
    }
  }

  private static boolean literal(Settings.Found f, long value) {
    return f.step().args().size() == 1
        && f.step().args().get(0).isIntegerLiteralExpr()
        && f.step().args().get(0).asIntegerLiteralExpr().asNumber().longValue() == value;
  }

  // ---- Declarations that are integrations by themselves: Hikari pools, Feign interfaces,
  // Retrofit.

  /** A HikariCP pool, a Retrofit service or an OkHttp-backed Retrofit client, created here. */
  Integration creation(ObjectCreationExpr o) {
    Integration socket = new JavaSockets(ctx, this).creation(o);
    if (socket != null) return socket;
    String type = ctx.imports.resolve(o.getType().getNameWithScope());
    if (HIKARI_DATA_SOURCE.equals(type)) {
      Built pool = poolOf(o);
      Integration i = integration(o, Integration.Kind.DATABASE, "HikariCP", pool);
      Settings.Found url = Settings.first(pool, Set.of("setJdbcUrl"));
      if (url != null && url.step().args().get(0) instanceof StringLiteralExpr s)
        i.target = Value.explicit(jdbcHost(s.getValue()), List.of(url.step().location()));
      Settings.Found timeout = Settings.first(pool, Set.of("setConnectionTimeout"));
      String unresolved = Settings.unresolved(pool);
      i.timeout =
          timeout != null
              ? explicit(timeout, "connection", "ms")
              : unresolved != null
                  ? Value.unresolved(
                      "the pool configuration cannot be followed: " + unresolved, List.of())
                  : Value.defaulted(
                      "30 s connection timeout (HikariCP default)",
                      "HikariCP's default connectionTimeout applies");
      i.pool = hikariPool(pool, timeout);
      return i;
    }
    if (type != null && type.equals(RETROFIT + ".Builder")) {
      Node top = o;
      while (top.getParentNode().orElse(null) instanceof MethodCallExpr p
          && p.getScope().orElse(null) == top) top = p;
      Built retrofit = ctx.eval((Expression) top);
      if (retrofit == null) return null;
      Integration i = integration(o, Integration.Kind.HTTP, "Retrofit (OkHttp)", retrofit);
      i.target = target(retrofit, Set.of("baseUrl"));
      Settings.Found clientStep = Settings.first(retrofit, Set.of("client"));
      Built okhttp =
          clientStep == null ? null : clientStep.step().ctx().eval(clientStep.step().args().get(0));
      i.timeout =
          okhttp != null
              ? okhttpTimeout(okhttp)
              : clientStep != null
                  ? Value.unresolved(
                      "the OkHttpClient passed to client() cannot be followed", List.of())
                  : Value.defaulted(
                      "10 s connect/read/write (OkHttp defaults; no call timeout)",
                      "Retrofit builds a default OkHttpClient");
      return i;
    }
    return null;
  }

  private Built poolOf(ObjectCreationExpr o) {
    Built pool;
    Node parent = o.getParentNode().orElse(null);
    if (parent instanceof com.github.javaparser.ast.body.VariableDeclarator v) {
      pool = ctx.variable(v.getNameAsString(), v.getName(), 0);
    } else {
      pool = ctx.eval(o);
    }
    return pool == null ? ctx.eval(o) : pool;
  }

  /** An interface annotated @FeignClient: calls go through Feign's Request.Options. */
  Integration feign(ClassOrInterfaceDeclaration type) {
    var annotation = type.getAnnotationByName("FeignClient").orElse(null);
    if (annotation == null) return null;
    Location at = ctx.at(annotation);
    Integration i =
        new Integration(
            ctx.file, type.getNameAsString(), Integration.Kind.HTTP, "OpenFeign", "java", at);
    i.clientLocation = at;
    String url = attribute(annotation, "url");
    if (url != null && url.contains("${"))
      url = null; // a property placeholder: the value is not in the code
    String name =
        url != null
            ? url
            : attribute(annotation, "name") != null
                ? attribute(annotation, "name")
                : attribute(annotation, "value");
    if (name != null && name.contains("${")) name = null;
    if (name != null) i.target = Value.explicit(name, List.of(at));
    i.timeout =
        Value.defaulted(
            "10 s connect / 60 s read (Feign Request.Options defaults, unless spring.cloud.openfeign.client.config overrides them)",
            "Feign's default Request.Options apply");
    String clientName =
        attribute(annotation, "contextId") != null
            ? attribute(annotation, "contextId")
            : attribute(annotation, "name") != null
                ? attribute(annotation, "name")
                : attribute(annotation, "value");
    Value<String> configured =
        FeignProperties.readTimeout(
            ctx.spring, clientName == null || clientName.contains("${") ? null : clientName);
    if (configured != null) i.timeout = configured;
    String fallback =
        attribute(annotation, "fallback") != null
            ? attribute(annotation, "fallback")
            : attribute(annotation, "fallbackFactory");
    if (fallback != null) i.fallback = Value.explicit(fallback, List.of(at));
    return i;
  }

  private static String attribute(com.github.javaparser.ast.expr.AnnotationExpr a, String name) {
    if (a instanceof com.github.javaparser.ast.expr.SingleMemberAnnotationExpr s
        && name.equals("value")) {
      return s.getMemberValue() instanceof StringLiteralExpr l
          ? l.getValue()
          : s.getMemberValue().toString();
    }
    if (a instanceof com.github.javaparser.ast.expr.NormalAnnotationExpr n) {
      for (var p : n.getPairs()) {
        if (p.getNameAsString().equals(name))
          return p.getValue() instanceof StringLiteralExpr l
              ? l.getValue()
              : p.getValue().toString();
      }
    }
    return null;
  }

  // ---- Helpers.

  Integration integration(Node call, Integration.Kind kind, String library, Built client) {
    Node name = call instanceof MethodCallExpr m ? m.getName() : call;
    Integration i = new Integration(ctx.file, enclosing(call), kind, library, "java", ctx.at(name));
    i.clientLocation = client == null ? null : client.origin;
    return i;
  }

  /** Class.method of the code that makes the call. */
  static String enclosing(Node n) {
    String method = null;
    String type = null;
    for (Node p = n; p != null; p = p.getParentNode().orElse(null)) {
      if (method == null && p instanceof MethodDeclaration md) method = md.getNameAsString();
      if (method == null && p instanceof ConstructorDeclaration) method = "<init>";
      if (p instanceof TypeDeclaration<?> t) {
        type = t.getNameAsString();
        break;
      }
    }
    return (type == null ? "?" : type) + "." + (method == null ? "<init>" : method);
  }

  /**
   * HikariCP pool size and idle timeout as written (with the connection timeout); its defaults
   * otherwise.
   */
  private static Value<String> hikariPool(Built pool, Settings.Found timeout) {
    List<String> set = new java.util.ArrayList<>();
    List<Location> at = new java.util.ArrayList<>();
    for (String setter :
        List.of(
            "setMaximumPoolSize",
            "setMinimumIdle",
            "setConnectionTimeout",
            "setIdleTimeout",
            "setMaxLifetime")) {
      Settings.Found found =
          setter.equals("setConnectionTimeout") ? timeout : Settings.first(pool, Set.of(setter));
      if (found == null || found.step().args().size() != 1) continue;
      String name = Character.toLowerCase(setter.charAt(3)) + setter.substring(4);
      set.add(
          name
              + " "
              + (setter.endsWith("Size") || setter.endsWith("Idle")
                  ? found.step().args().get(0).toString()
                  : render(found, "ms").text()));
      at.add(found.step().location());
    }
    return set.isEmpty()
        ? Value.defaulted(
            "HikariCP defaults: maximumPoolSize 10, connectionTimeout 30 s, idleTimeout 10 min",
            "HikariCP's defaults apply")
        : Value.explicit(String.join(", ", set), at);
  }

  private static Value<String> explicit(Settings.Found f, String what, String bareUnit) {
    Durations.Rendered r = render(f, bareUnit);
    List<Location> trace = new java.util.ArrayList<>(List.of(f.step().location()));
    trace.addAll(r.from()); // a Spring setting's annotation and property lines
    if (r.unresolved() != null) return Value.unresolved(r.unresolved(), trace);
    return Value.explicit(r.text() + " " + what + " timeout" + r.source(), trace);
  }

  private static Durations.Rendered render(Settings.Found f, String bareUnit) {
    return Durations.render(f.step().args(), bareUnit, f.step().ctx());
  }

  /**
   * A known absence of any timeout: a default whose value is null, with why and the lines that show
   * it.
   */
  static Value<String> none(String why, List<Location> trace) {
    return Value.<String>defaulted(null, why).withTrace(trace);
  }

  Value<String> target(Built b, Set<String> names) {
    for (Settings.Found f : Settings.find(b, names)) {
      for (Expression a : f.step().args()) {
        String literal = literalUrl(a, 0);
        if (literal != null && !literal.contains("${"))
          return Value.explicit(host(literal), List.of(f.step().location()));
      }
    }
    return Value.absent();
  }

  /** A string literal, URI.create("...") or a constant holding one. */
  private String literalUrl(Expression a, int depth) {
    if (depth > 3) return null;
    if (a instanceof StringLiteralExpr s) return s.getValue();
    // "https://host/path/" + id: the host is in the literal prefix.
    if (a instanceof com.github.javaparser.ast.expr.BinaryExpr b
        && b.getOperator() == com.github.javaparser.ast.expr.BinaryExpr.Operator.PLUS) {
      String left = literalUrl(b.getLeft(), depth + 1);
      return left != null && left.contains("://") ? left : null;
    }
    if (a instanceof MethodCallExpr m
        && (m.getNameAsString().equals("create") || m.getNameAsString().equals("parse"))
        && m.getArguments().size() == 1) {
      return literalUrl(m.getArgument(0), depth + 1);
    }
    if (a instanceof ObjectCreationExpr o && o.getArguments().size() == 1)
      return literalUrl(o.getArgument(0), depth + 1);
    if (a instanceof NameExpr n) {
      Expression c = ctx.constant(n.getNameAsString());
      return c == null ? null : literalUrl(c, depth + 1);
    }
    return null;
  }

  /** The host of a URL written literally (or as a literal prefix), when the argument holds one. */
  private Value<String> urlTarget(Expression a) {
    String url = literalUrl(a, 0);
    return url != null && url.contains("://") && !url.contains("${")
        ? Value.explicit(host(url), List.of())
        : Value.absent();
  }

  /** scheme://host[:port] of a URL, or the text itself when it is not a URL. */
  static String host(String url) {
    try {
      URI u = URI.create(url.replace("{", "%7B").replace("}", "%7D"));
      if (u.getHost() != null)
        return u.getScheme() + "://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "");
    } catch (IllegalArgumentException e) {
      // not a URL: shown as written
    }
    return url;
  }

  static String jdbcHost(String jdbcUrl) {
    String rest = jdbcUrl.startsWith("jdbc:") ? jdbcUrl.substring(5) : jdbcUrl;
    int colon = rest.indexOf(':');
    String scheme = colon > 0 ? rest.substring(0, colon) : "jdbc";
    int slashes = rest.indexOf("//");
    if (slashes < 0) return jdbcUrl;
    String hostPart = rest.substring(slashes + 2);
    int end = hostPart.indexOf('/');
    if (end >= 0) hostPart = hostPart.substring(0, end);
    int query = hostPart.indexOf('?');
    if (query >= 0) hostPart = hostPart.substring(0, query);
    return scheme + "://" + hostPart;
  }

  private static boolean chainHas(MethodCallExpr m, String name) {
    Expression cur = m.getScope().orElse(null);
    while (cur instanceof MethodCallExpr c) {
      if (c.getNameAsString().equals(name)) return true;
      cur = c.getScope().orElse(null);
    }
    return false;
  }

  private static String args(MethodCallExpr m) {
    String s = m.getArguments().toString();
    s = s.substring(1, s.length() - 1);
    return s.length() > 40 ? s.substring(0, 37) + "..." : s;
  }

  private static String name(MethodCallExpr m) {
    return m.getNameAsString();
  }

  static String simple(String type) {
    return type.substring(type.lastIndexOf('.') + 1);
  }
}
