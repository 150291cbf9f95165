package dev.relplan.code.csharp;

import dev.relplan.model.Value;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Service registrations read across all C# files of the repository (they usually live in Program.cs
 * or Startup.cs, away from the code that uses them): {@code AddHttpClient} clients with their
 * {@code Timeout} and resilience handlers, keyed by typed client class or client name, and the
 * checks added to {@code AddHealthChecks()}.
 */
final class CsRegistrations {
  /** Builder steps that neither bound nor retry a call: transport, credentials, lifetime. */
  private static final Set<String> HARMLESS_STEPS =
      Set.of(
          "ConfigurePrimaryHttpMessageHandler",
          "ConfigureChannel",
          "AddCallCredentials",
          "SetHandlerLifetime",
          "AddServiceDiscovery",
          "ConfigureAdditionalHttpMessageHandlers");

  /** One AddHttpClient registration. */
  static final class HttpClientRegistration {
    final Location at;
    Value<String> timeout = Value.absent();

    /** {@code client.BaseAddress = new Uri("...")}, when literal. */
    String baseAddress;

    CsResilience.Features handlers = new CsResilience.Features();

    /**
     * Builder steps chained on the registration that are not read (custom extension methods,
     * interceptors), each as "Name (file:line)".
     */
    final List<String> unread = new ArrayList<>();

    /** The namespaces the registering file sees types of without qualifying them. */
    Set<String> visibleNamespaces = Set.of();

    HttpClientRegistration(Location at) {
      this.at = at;
    }
  }

  /**
   * By typed client class name, or "name:" + the client name ("name:" for the unnamed default
   * client).
   */
  final Map<String, HttpClientRegistration> httpClients = new HashMap<>();

  /**
   * Every typed client registration, by the class's simple name (several projects may share it).
   */
  private final Map<String, List<HttpClientRegistration>> typedClients = new HashMap<>();

  /**
   * {@code AddGrpcClient<Service.ServiceClient>(...)} registrations, by the client type as written
   * after its outer class ({@code "Service.ServiceClient"}).
   */
  final Map<String, HttpClientRegistration> grpcClients = new HashMap<>();

  /** Checks registered on a health checks builder (AddCheck, AddNpgSql, AddDbContextCheck, ...). */
  final List<Value<String>> healthChecks = new ArrayList<>();

  /** Where AddHealthChecks() is called (the first call found), or null. */
  Location healthChecksAt;

  /**
   * {@code ConfigureHttpClientDefaults(b => ...)}: settings every factory and typed client gets;
   * null when not called.
   */
  HttpClientRegistration defaults;

  /** The method whose body calls ConfigureHttpClientDefaults; null for top-level statements. */
  private String defaultsMethod;

  /**
   * The folders of the files that call {@link #defaultsMethod} (or hold the top-level call): the
   * hosts the defaults configure. Empty when no caller is found: then they apply everywhere.
   */
  private final List<String> defaultsFolders = new ArrayList<>();

  void read(CsFile f) {
    for (CsNode call : f.calls()) {
      String m = CsFile.method(call);
      if ("ConfigureHttpClientDefaults".equals(m)) clientDefaults(f, call);
      if ("AddHttpClient".equals(m)) httpClient(f, call);
      if ("AddGrpcClient".equals(m)) grpcClient(f, call);
      if ("AddHealthChecks".equals(m)) healthChecks(f, call);
      if (CsAspireClients.registersHealthCheck(call))
        healthChecks.add(
            Value.explicit(m + " health check (an Aspire client's default)", List.of(f.at(call))));
    }
  }

  private void httpClient(CsFile f, CsNode call) {
    HttpClientRegistration r = new HttpClientRegistration(f.at(call));
    String key = null;
    CsNode fn = call.field("function");
    CsNode name = fn != null && fn.is("member_access_expression") ? fn.field("name") : fn;
    if (name != null && name.is("generic_name")) {
      CsNode typeArgs = name.children.size() > 1 ? name.children.get(1) : null;
      if (typeArgs != null && !typeArgs.children.isEmpty())
        key = CsFile.typeName(typeArgs.children.get(typeArgs.children.size() - 1));
    }
    List<CsNode> args = CsFile.args(call);
    if (key == null) {
      String n = args.isEmpty() ? "" : args.get(0).stringValue();
      if (n == null) return;
      key = "name:" + n;
    }
    for (CsNode a : args) if (a.is("lambda_expression")) configure(f, a, r);
    chained(f, call, r);
    httpClients.put(key, r);
    if (!key.startsWith("name:")) {
      r.visibleNamespaces = f.visibleNamespaces();
      typedClients.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
    }
  }

  /**
   * The registration of a typed client class declared in a namespace: among the registrations of
   * that class name, the one whose file sees the namespace, else the only one; null when there is
   * none, or several and none or more than one sees the class.
   */
  HttpClientRegistration typedClient(String className, String classNamespace) {
    List<HttpClientRegistration> all = typedClients.getOrDefault(className, List.of());
    if (all.size() == 1) return all.get(0);
    List<HttpClientRegistration> seeing =
        all.stream().filter(r -> r.visibleNamespaces.contains(classNamespace)).toList();
    return seeing.size() == 1 ? seeing.get(0) : null;
  }

  /** How many typed client registrations name a class. */
  int typedClientCount(String className) {
    return typedClients.getOrDefault(className, List.of()).size();
  }

  /**
   * {@code AddGrpcClient<Service.ServiceClient>(o => o.Address = ...)}: the gRPC client factory
   * binds the client to a named HttpClient, so its builder steps (and ConfigureHttpClientDefaults)
   * give the handlers every call goes through.
   */
  private void grpcClient(CsFile f, CsNode call) {
    CsNode client = typeArgument(call);
    if (client == null || !client.is("qualified_name")) return;
    String outer = CsFile.typeName(client.field("qualifier"));
    String inner = CsFile.typeName(client.field("name"));
    if (outer == null || inner == null) return;
    HttpClientRegistration r = new HttpClientRegistration(f.at(call));
    for (CsNode a : CsFile.args(call)) if (a.is("lambda_expression")) configure(f, a, r);
    chained(f, call, r);
    grpcClients.put(outer + "." + inner, r);
  }

  /** The last type argument of a generic call ({@code M<A, B>(...)}: B), or null. */
  private static CsNode typeArgument(CsNode call) {
    CsNode fn = call.field("function");
    CsNode name = fn != null && fn.is("member_access_expression") ? fn.field("name") : fn;
    if (name == null || !name.is("generic_name") || name.children.size() < 2) return null;
    CsNode typeArgs = name.children.get(1);
    return typeArgs.children.isEmpty() ? null : typeArgs.children.get(typeArgs.children.size() - 1);
  }

  /**
   * Chained configuration: .ConfigureHttpClient(...), .AddStandardResilienceHandler(),
   * .AddPolicyHandler(...); other steps are listed as unread.
   */
  private static void chained(CsFile f, CsNode call, HttpClientRegistration r) {
    for (CsNode c = call;
        c.parent != null
            && c.parent.is("member_access_expression")
            && c.parent.parent != null
            && c.parent.parent.is("invocation_expression");
        c = c.parent.parent) {
      CsNode next = c.parent.parent;
      String m = CsFile.method(next);
      if (m == null) continue;
      switch (m) {
        case "ConfigureHttpClient" -> {
          for (CsNode a : CsFile.args(next)) if (a.is("lambda_expression")) configure(f, a, r);
        }
        case "AddStandardResilienceHandler", "AddStandardHedgingHandler" ->
            standardHandler(f, next, m, r);
        case "AddPolicyHandler", "AddTransientHttpErrorPolicy", "AddResilienceHandler" -> {
          CsResilience.Features p = CsResilience.features(f, next);
          for (CsNode a : CsFile.args(next)) {
            if (a.is("identifier")) {
              CsResilience.Features q = CsResilience.features(f, a);
              if (q.retry.present()) {
                p.retry = q.retry;
                p.attempts = q.attempts;
              }
              if (q.breaker.present()) p.breaker = q.breaker;
              if (q.timeout.present()) p.timeout = q.timeout;
              if (q.fallback.present()) p.fallback = q.fallback;
            }
          }
          if (p.retry.present()) {
            r.handlers.retry = p.retry;
            r.handlers.attempts = p.attempts;
          }
          if (p.breaker.present()) r.handlers.breaker = p.breaker;
          if (p.timeout.present())
            r.handlers.timeout = p.timeout; // a handler's timeout cancels the request it sends
          if (p.fallback.present()) r.handlers.fallback = p.fallback;
        }
        default -> {
          if (!HARMLESS_STEPS.contains(m)) r.unread.add(m + " (" + f.at(next) + ")");
        }
      }
    }
  }

  /**
   * A registration completed with what ConfigureHttpClientDefaults gives every client (the
   * registration's own settings win).
   */
  HttpClientRegistration withDefaults(HttpClientRegistration r, String usedIn) {
    HttpClientRegistration d = defaults;
    if (d == null || !defaultsApply(r == null ? usedIn : r.at.file())) return r;
    if (r == null) return d;
    HttpClientRegistration out = new HttpClientRegistration(r.at);
    out.unread.addAll(r.unread);
    out.baseAddress = r.baseAddress;
    out.timeout = r.timeout.trace().isEmpty() && !r.timeout.isExplicit() ? d.timeout : r.timeout;
    out.handlers.timeout = r.handlers.timeout.present() ? r.handlers.timeout : d.handlers.timeout;
    out.handlers.retry = r.handlers.retry.present() ? r.handlers.retry : d.handlers.retry;
    out.handlers.attempts = r.handlers.retry.present() ? r.handlers.attempts : d.handlers.attempts;
    out.handlers.breaker = r.handlers.breaker.present() ? r.handlers.breaker : d.handlers.breaker;
    out.handlers.fallback =
        r.handlers.fallback.present() ? r.handlers.fallback : d.handlers.fallback;
    return out;
  }

  /**
   * After every file's registrations: the folders of the files that call the method holding
   * ConfigureHttpClientDefaults ({@code builder.AddServiceDefaults()}), each a host it configures.
   */
  void scopeDefaults(List<CsFile> files) {
    if (defaults == null || defaultsMethod == null) return;
    for (CsFile f : files) {
      for (CsNode c : f.calls()) {
        if (defaultsMethod.equals(CsFile.method(c))) {
          defaultsFolders.add(folderOf(f.file));
          break;
        }
      }
    }
  }

  /** Whether ConfigureHttpClientDefaults configures a client registered or used in a file. */
  private boolean defaultsApply(String file) {
    return defaultsFolders.isEmpty() || defaultsFolders.stream().anyMatch(file::startsWith);
  }

  private static String folderOf(String file) {
    return file.substring(0, file.lastIndexOf('/') + 1);
  }

  /**
   * The builder steps inside ConfigureHttpClientDefaults: resilience handlers and
   * ConfigureHttpClient.
   */
  private void clientDefaults(CsFile f, CsNode call) {
    defaults = new HttpClientRegistration(f.at(call));
    CsNode member = call.member();
    defaultsMethod =
        member == null || member.field("name") == null ? null : member.field("name").text();
    if (defaultsMethod == null) defaultsFolders.add(folderOf(f.file));
    for (CsNode lambda : CsFile.args(call)) {
      if (!lambda.is("lambda_expression")) continue;
      for (CsNode step : lambda.all("invocation_expression")) {
        String m = CsFile.method(step);
        if ("ConfigureHttpClient".equals(m)) {
          for (CsNode a : CsFile.args(step))
            if (a.is("lambda_expression")) configure(f, a, defaults);
        } else if ("AddStandardResilienceHandler".equals(m)
            || "AddStandardHedgingHandler".equals(m)) {
          standardHandler(f, step, m, defaults);
        }
      }
    }
  }

  private static void standardHandler(CsFile f, CsNode step, String m, HttpClientRegistration r) {
    List<Location> at = List.of(f.at(step));
    r.handlers.timeout = Value.explicit("30 s total, 10 s per attempt (" + m + " defaults)", at);
    r.handlers.retry = Value.explicit(m + ": 3 retries, exponential backoff with jitter", at);
    // 4 attempts of 10 s, cut at 30 s in total: at most 3 whole attempts fit.
    r.handlers.attempts = Value.explicit(3, at);
    r.handlers.breaker = Value.explicit(m + " circuit breaker", at);
    r.handlers.pessimistic = true;
  }

  /**
   * {@code client => client.Timeout = ...} or {@code (sp, client) => { ...; client.Timeout = ...;
   * }}.
   */
  private static void configure(CsFile f, CsNode lambda, HttpClientRegistration r) {
    for (CsNode a : lambda.all("assignment_expression")) {
      CsNode left = a.field("left");
      CsNode right = a.field("right");
      if (left == null
          || right == null
          || !left.is("member_access_expression")
          || left.field("name") == null) continue;
      String property = left.field("name").text();
      // BaseAddress of an HttpClient, Address of gRPC client factory options
      if (property.equals("BaseAddress") || property.equals("Address"))
        r.baseAddress = CsCalls.uri(right);
      if (!left.field("name").text().equals("Timeout")) continue;
      r.timeout =
          CsTimeSpans.infinite(right)
              ? Value.<String>defaulted(null, "HttpClient.Timeout is set to infinite")
                  .withTrace(List.of(f.at(a)))
              : Value.explicit(CsTimeSpans.text(right) + " (HttpClient.Timeout)", List.of(f.at(a)));
    }
  }

  /** {@code AddCheck("self", () => HealthCheckResult.Healthy())}: a check that touches nothing. */
  private static boolean constantCheck(CsNode addCheck) {
    for (CsNode a : CsFile.args(addCheck)) {
      if (!a.is("lambda_expression")) continue;
      return a.all("invocation_expression").stream()
          .allMatch(
              c -> {
                CsNode recv = CsFile.receiver(c);
                return recv != null && recv.text().equals("HealthCheckResult");
              });
    }
    return false;
  }

  /** The checks chained on AddHealthChecks() (also through a variable holding the builder). */
  private void healthChecks(CsFile f, CsNode call) {
    if (healthChecksAt == null) healthChecksAt = f.at(call);
    List<CsNode> builders = new ArrayList<>(List.of(call));
    CsNode decl = call.parent;
    if (decl != null && decl.is("variable_declarator") && decl.field("name") != null) {
      String var = decl.field("name").text();
      for (CsNode c : f.calls()) {
        CsNode recv = CsFile.receiver(c);
        if (recv != null && recv.is("identifier") && recv.text().equals(var)) builders.add(recv);
      }
    }
    for (CsNode b : builders) {
      for (CsNode c = b;
          c.parent != null
              && c.parent.is("member_access_expression")
              && c.parent.parent != null
              && c.parent.parent.is("invocation_expression");
          c = c.parent.parent) {
        CsNode next = c.parent.parent;
        String m = CsFile.method(next);
        if (m != null && m.startsWith("Add") && !constantCheck(next))
          healthChecks.add(
              Value.explicit(CsFile.shorten(m) + " health check", List.of(f.at(next))));
      }
    }
  }
}
