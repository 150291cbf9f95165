package dev.relplan.code.csharp;

import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.source.Location;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Outbound calls of System.Net.Http.HttpClient (created with {@code new}, from IHttpClientFactory,
 * or injected as a typed client), of WebRequest and WebClient ({@link CsWebRequests}) and of AWS
 * SDK for .NET service clients, with the timeout and retries that apply. Defaults are documented in
 * docs/client-defaults.md.
 */
final class CsCalls {
  private static final Set<String> HTTP_METHODS =
      Set.of(
          "GetAsync",
          "GetStringAsync",
          "GetByteArrayAsync",
          "GetStreamAsync",
          "PostAsync",
          "PutAsync",
          "PatchAsync",
          "DeleteAsync",
          "SendAsync",
          "Send",
          "GetFromJsonAsync",
          "PostAsJsonAsync",
          "PutAsJsonAsync",
          "PatchAsJsonAsync",
          "DeleteFromJsonAsync");
  private static final Set<String> NOT_AWS_CALLS =
      Set.of(
          "Dispose",
          "Equals",
          "GetHashCode",
          "ToString",
          "GetType",
          "DetermineServiceOperationEndpoint");
  private static final String HTTP_DEFAULT = "100 s (HttpClient default Timeout)";

  private final CsFile f;
  private final CsRegistrations registrations;
  private final CsWebRequests webRequests;

  CsCalls(CsFile f, CsRegistrations registrations) {
    this.f = f;
    this.registrations = registrations;
    this.webRequests = new CsWebRequests(f, this);
  }

  Integration analyse(CsNode call) {
    String method = CsFile.method(call);
    CsNode receiver = CsFile.receiver(call);
    if (method == null || receiver == null) return null;
    Integration legacy = webRequests.analyse(call, method, receiver);
    if (legacy != null) return legacy;
    CsNode origin = f.origin(receiver);
    if (origin == null) return null;
    String created = CsFile.created(origin);
    if (HTTP_METHODS.contains(method)) {
      if ("HttpClient".equals(created)) return created(call, origin);
      if (origin.is("invocation_expression") && "CreateClient".equals(CsFile.method(origin))) {
        List<CsNode> args = CsFile.args(origin);
        String name = args.isEmpty() ? "" : args.get(0).stringValue();
        return name == null
            ? null
            : registered(
                call,
                registrations.httpClients.get("name:" + name),
                "named client \"" + name + "\"");
      }
      if (origin.is("parameter") && "HttpClient".equals(CsFile.typeName(origin.field("type")))) {
        CsNode type = CsFile.type(call);
        String typed =
            type == null || type.field("name") == null ? null : type.field("name").text();
        if (typed == null) return null;
        CsRegistrations.HttpClientRegistration r =
            registrations.typedClient(typed, f.namespaceOf(type));
        if (r == null && registrations.typedClientCount(typed) > 1)
          return ambiguous(call, typed, origin);
        return configuredInType(
            registered(call, r, "typed client " + typed), call, receiver, origin, r);
      }
      return null;
    }
    if (created != null
        && created.startsWith("Amazon")
        && created.endsWith("Client")
        && f.uses("Amazon")
        && Character.isUpperCase(method.charAt(0))
        && !NOT_AWS_CALLS.contains(method)) {
      return aws(call, method, origin, created);
    }
    return null;
  }

  private Integration integration(
      CsNode call, Integration.Kind kind, String client, Location clientAt) {
    CsNode fn = call.field("function");
    CsNode name =
        fn.is("member_access_expression") && fn.field("name") != null ? fn.field("name") : fn;
    Integration i =
        new Integration(f.file, CsFile.enclosing(call), kind, client, "csharp", f.at(name));
    i.clientLocation = clientAt;
    return i;
  }

  // ---- HttpClient: Timeout defaults to 100 s; Timeout.InfiniteTimeSpan switches it off.

  private Integration created(CsNode call, CsNode creation) {
    Integration i = integration(call, Integration.Kind.HTTP, "HttpClient", f.at(creation));
    i.target = target(call);
    CsNode timeout = CsFile.initializer(creation).get("Timeout");
    Location timeoutAt = timeout == null ? null : f.at(timeout);
    String variable = variableOf(creation);
    if (!i.target.present()) {
      CsNode base = CsFile.initializer(creation).get("BaseAddress");
      if (base == null && variable != null) {
        for (CsNode a : f.propertyAssignments(variable, "BaseAddress", creation))
          base = a.field("right");
      }
      i.target = host(uri(base));
    }
    if (variable != null) {
      for (CsNode a : f.propertyAssignments(variable, "Timeout", creation)) {
        timeout = a.field("right");
        timeoutAt = f.at(a);
      }
    }
    if (timeout == null) {
      i.timeout = Value.defaulted(HTTP_DEFAULT, "HttpClient's default Timeout applies");
    } else if (CsTimeSpans.infinite(timeout)) {
      i.timeout =
          cancellation(
              call,
              none("HttpClient.Timeout is set to Timeout.InfiniteTimeSpan", List.of(timeoutAt)));
    } else {
      i.timeout =
          Value.explicit(CsTimeSpans.text(timeout) + " (HttpClient.Timeout)", List.of(timeoutAt));
    }
    return i;
  }

  /**
   * A client without timeout can still be bounded per call by the CancellationToken it is given: a
   * token of a {@code CancellationTokenSource} made with a delay (or given one with CancelAfter) in
   * the same member bounds it; a token from a parameter is decided by callers (unresolved).
   */
  private Value<String> cancellation(CsNode call, Value<String> noTimeout) {
    for (CsNode a : CsFile.args(call)) {
      if (a.is("member_access_expression")
          && a.field("name") != null
          && a.field("name").text().equals("Token")) {
        CsNode source = f.origin(a.field("expression"));
        if (source == null || !"CancellationTokenSource".equals(CsFile.created(source))) continue;
        List<CsNode> delay = CsFile.args(source);
        if (!delay.isEmpty())
          return Value.explicit(
              CsTimeSpans.millis(delay.get(0)) + " (CancellationTokenSource)",
              List.of(f.at(source)));
        String variable = variableOf(source);
        CsNode member = call.member() != null ? call.member() : f.root;
        for (CsNode c : member.all("invocation_expression")) {
          CsNode recv = CsFile.receiver(c);
          if ("CancelAfter".equals(CsFile.method(c))
              && recv != null
              && recv.text().equals(variable)
              && CsFile.args(c).size() == 1) {
            return Value.explicit(
                CsTimeSpans.millis(CsFile.args(c).get(0))
                    + " (CancellationTokenSource.CancelAfter)",
                List.of(f.at(c)));
          }
        }
        continue;
      }
      CsNode origin = a.is("identifier") ? f.origin(a) : null;
      if (origin != null
          && origin.is("parameter")
          && "CancellationToken".equals(CsFile.typeName(origin.field("type")))) {
        return Value.unresolved(
            noTimeout.note()
                + "; the call takes the CancellationToken parameter "
                + a.text()
                + ", and whether callers cancel it after a delay is not followed",
            noTimeout.trace());
      }
    }
    return noTimeout;
  }

  /** The variable, field or property a creation is stored in, or null. */
  private static String variableOf(CsNode creation) {
    CsNode p = creation.parent;
    if (p != null && p.is("equals_value_clause")) p = p.parent;
    if (p != null && p.is("variable_declarator") && p.field("name") != null)
      return p.field("name").text();
    if (p != null && p.is("assignment_expression") && p.field("left") != null) {
      String t = p.field("left").text();
      return t.startsWith("this.") ? t.substring(5) : t;
    }
    if (p != null && p.is("property_declaration") && p.field("name") != null)
      return p.field("name").text();
    return null;
  }

  /**
   * A typed client can also be configured in its own class, usually the constructor: {@code
   * http.Timeout = ...} on the injected parameter or {@code _http.Timeout = ...} on the field. A
   * resilience handler's timeout still bounds the call first.
   */
  private Integration configuredInType(
      Integration i,
      CsNode call,
      CsNode receiver,
      CsNode parameter,
      CsRegistrations.HttpClientRegistration registration) {
    CsNode type = CsFile.type(call);
    String field =
        receiver.text().startsWith("this.") ? receiver.text().substring(5) : receiver.text();
    String param = parameter.field("name") == null ? null : parameter.field("name").text();
    CsNode timeout = null;
    CsNode base = null;
    for (CsNode a : type.all("assignment_expression")) {
      CsNode left = a.field("left");
      if (left == null
          || !left.is("member_access_expression")
          || left.field("name") == null
          || left.field("expression") == null) continue;
      String owner = left.field("expression").text();
      owner = owner.startsWith("this.") ? owner.substring(5) : owner;
      if (!owner.equals(field) && !owner.equals(param)) continue;
      if (left.field("name").text().equals("Timeout")) timeout = a;
      if (left.field("name").text().equals("BaseAddress")) base = a.field("right");
    }
    if (!i.target.present() && base != null) i.target = host(uri(base));
    CsRegistrations.HttpClientRegistration r = registrations.withDefaults(registration, f.file);
    if (timeout == null || r != null && r.handlers.timeout.present()) return i;
    CsNode value = timeout.field("right");
    i.timeout =
        CsTimeSpans.infinite(value)
            ? cancellation(
                call,
                none(
                    "HttpClient.Timeout is set to Timeout.InfiniteTimeSpan",
                    List.of(f.at(timeout))))
            : Value.explicit(
                CsTimeSpans.text(value) + " (HttpClient.Timeout)", List.of(f.at(timeout)));
    return i;
  }

  /** A client from IHttpClientFactory or a typed client: its AddHttpClient registration decides. */
  private Integration registered(
      CsNode call, CsRegistrations.HttpClientRegistration registration, String what) {
    CsRegistrations.HttpClientRegistration r = registrations.withDefaults(registration, f.file);
    Integration i =
        integration(
            call,
            Integration.Kind.HTTP,
            "HttpClient (IHttpClientFactory)",
            r == null ? null : r.at);
    i.target = target(call);
    if (!i.target.present() && r != null) i.target = host(r.baseAddress);
    if (r == null) {
      i.timeout =
          Value.defaulted(
              HTTP_DEFAULT,
              "no AddHttpClient registration of the "
                  + what
                  + " sets a Timeout, so HttpClient's default applies");
      return i;
    }
    if (r.handlers.timeout.present()) {
      i.timeout = r.handlers.timeout;
    } else if (r.timeout.isExplicit()) {
      i.timeout = r.timeout;
    } else if (!r.timeout.known() || r.timeout.trace().isEmpty()) {
      i.timeout = Value.defaulted(HTTP_DEFAULT, "the " + what + " registration sets no Timeout");
    } else {
      i.timeout = cancellation(call, r.timeout);
    }
    if (r.handlers.retry.present()) {
      i.retry = r.handlers.retry;
      i.attempts = r.handlers.attempts;
    }
    if (r.handlers.breaker.present()) i.circuitBreaker = r.handlers.breaker;
    if (r.handlers.fallback.present()) i.fallback = r.handlers.fallback;
    return i;
  }

  /**
   * A typed client class whose name several AddHttpClient registrations use, none of them in a file
   * that sees the class's namespace: which one configures it is not decided.
   */
  private Integration ambiguous(CsNode call, String typed, CsNode parameter) {
    Integration i =
        integration(call, Integration.Kind.HTTP, "HttpClient (IHttpClientFactory)", null);
    i.target = target(call);
    i.timeout =
        Value.unresolved(
            registrations.typedClientCount(typed)
                + " AddHttpClient<"
                + typed
                + "> registrations are read and none is decided as this class's (its namespace is"
                + " not among the using directives of exactly one of them)",
            List.of(f.at(parameter)));
    return i;
  }

  // ---- AWS SDK for .NET: Timeout 100 s by default; MaxErrorRetry = 0 disables retries.

  private Integration aws(CsNode call, String method, CsNode creation, String clientType) {
    Integration i = integration(call, Integration.Kind.AWS_SDK, "AWS SDK for .NET", f.at(creation));
    String service =
        clientType.substring("Amazon".length(), clientType.length() - "Client".length());
    i.target =
        Value.explicit(
            "AWS "
                + service
                + " "
                + (method.endsWith("Async") ? method.substring(0, method.length() - 5) : method),
            List.of());
    CsNode config = null;
    for (CsNode a : CsFile.args(creation)) {
      CsNode o = f.origin(a);
      String t = CsFile.created(o);
      if (t != null && t.endsWith("Config")) config = o;
    }
    Map<String, CsNode> settings = CsFile.initializer(config);
    String variable = config == null ? null : variableOf(config);
    java.util.Map<String, Location> at = new java.util.HashMap<>();
    settings.forEach((k, v) -> at.put(k, f.at(v)));
    if (variable != null) {
      for (String property : List.of("Timeout", "MaxErrorRetry")) {
        for (CsNode a : f.propertyAssignments(variable, property, config)) {
          settings.put(property, a.field("right"));
          at.put(property, f.at(a));
        }
      }
    }
    CsNode timeout = settings.get("Timeout");
    if (timeout == null) {
      i.timeout =
          Value.defaulted(
              "100 s (AWS SDK for .NET default Timeout)",
              "the SDK's default request timeout applies");
    } else if (CsTimeSpans.infinite(timeout)) {
      i.timeout = none("the client config's Timeout is infinite", List.of(at.get("Timeout")));
    } else {
      i.timeout =
          Value.explicit(
              CsTimeSpans.text(timeout) + " (ClientConfig.Timeout)", List.of(at.get("Timeout")));
    }
    CsNode retries = settings.get("MaxErrorRetry");
    if (retries == null) {
      i.retry =
          Value.defaulted(
              "SDK default retries (MaxErrorRetry per retry mode)",
              "the SDK retries throttling and transient errors by default");
    } else if (retries.text().equals("0")) {
      i.retry = Value.explicit("disabled: MaxErrorRetry = 0", List.of(at.get("MaxErrorRetry")));
      i.retriesDisabled = Value.explicit(true, List.of(at.get("MaxErrorRetry")));
    } else {
      i.retry =
          Value.explicit(
              "MaxErrorRetry = " + CsFile.shorten(retries.text()),
              List.of(at.get("MaxErrorRetry")));
    }
    return i;
  }

  // ---- Helpers.

  /** The literal of {@code new Uri("...")} or of a target-typed {@code new("...")}, or null. */
  static String uri(CsNode n) {
    if (n != null && n.is("implicit_object_creation_expression")) {
      for (CsNode list : n.children) {
        if (!list.is("argument_list")) continue;
        for (CsNode a : list.children)
          if (a.is("argument") && a.children.size() == 1) return a.children.get(0).stringValue();
      }
      return null;
    }
    if (n == null || !"Uri".equals(CsFile.created(n))) return null;
    List<CsNode> args = CsFile.args(n);
    return args.isEmpty() ? null : args.get(0).stringValue();
  }

  /**
   * Scheme, host and port of the URL argument when it is written literally (also the start of a
   * concatenation or interpolation).
   */
  Value<String> target(CsNode call) {
    List<CsNode> args = CsFile.args(call);
    return host(args.isEmpty() ? null : literalPrefix(args.get(0), 0));
  }

  private static Value<String> host(String text) {
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

  private String literalPrefix(CsNode n, int depth) {
    if (n == null || depth > 4) return null;
    String s = n.stringValue();
    if (s != null) return s;
    if (n.is("interpolated_string_expression")) {
      StringBuilder sb = new StringBuilder();
      for (CsNode c : n.children) {
        if (c.is("interpolation")) break;
        if (c.is("string_content")) sb.append(c.text());
      }
      return sb.toString();
    }
    if (n.is("binary_expression")) return literalPrefix(n.field("left"), depth + 1);
    return null;
  }

  static Value<String> none(String why, List<Location> trace) {
    return Value.<String>defaulted(null, why).withTrace(trace);
  }
}
