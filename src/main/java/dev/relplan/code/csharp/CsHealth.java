package dev.relplan.code.csharp;

import dev.relplan.model.HealthEndpoint;
import dev.relplan.model.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * ASP.NET Core health endpoints: {@code MapHealthChecks}/{@code UseHealthChecks} (deep when a check
 * is registered on {@code AddHealthChecks()} anywhere in the repository, unless its Predicate
 * excludes every check), minimal API {@code MapGet} handlers and controller actions on health paths
 * (deep when the handler calls anything beyond building its response).
 */
final class CsHealth {
  private static final Set<String> HEALTH_SEGMENTS =
      Set.of("health", "healthz", "healthcheck", "health-check", "ready", "readyz", "readiness");

  /** Receivers whose calls only build a response or a value. */
  private static final Set<String> RESPONSE_TYPES =
      Set.of(
          "Results",
          "TypedResults",
          "DateTime",
          "DateTimeOffset",
          "String",
          "string",
          "Json",
          "JsonSerializer",
          "Task",
          "Environment",
          "Guid",
          "Math",
          "Convert",
          "TimeSpan",
          "HealthCheckResult");

  /** Controller helpers that build a result. */
  private static final Set<String> RESULT_HELPERS =
      Set.of("Ok", "Json", "Content", "StatusCode", "NoContent", "Accepted", "ToString", "nameof");

  private static final Set<String> CONTEXT_TYPES =
      Set.of("HttpContext", "HttpResponse", "HttpRequest", "CancellationToken");

  private final CsFile f;
  private final CsRegistrations registrations;

  CsHealth(CsFile f, CsRegistrations registrations) {
    this.f = f;
    this.registrations = registrations;
  }

  List<HealthEndpoint> find() {
    List<HealthEndpoint> out = new ArrayList<>();
    for (CsNode call : f.calls()) {
      String m = CsFile.method(call);
      List<CsNode> args = CsFile.args(call);
      String path = args.isEmpty() ? null : args.get(0).stringValue();
      if (m == null || path == null || !healthPath(path)) continue;
      if (m.equals("MapHealthChecks") || m.equals("UseHealthChecks")) {
        boolean none = excludesAll(args) || registrations.healthChecks.isEmpty();
        String handler =
            m
                + (excludesAll(args)
                    ? ", Predicate runs no check"
                    : none ? ", no check registered" : "");
        HealthEndpoint e =
            new HealthEndpoint(
                f.file, handler, "ASP.NET Core health checks", "GET " + path, f.at(call));
        if (!none) e.dependencyCheck = registrations.healthChecks.get(0);
        else
          e.response =
              registrations
                  .healthChecksAt; // the empty set of checks the middleware reports as Healthy
        out.add(e);
      } else if (m.equals("MapGet") && args.size() >= 2) {
        CsNode handler = handler(args.get(args.size() - 1));
        if (handler == null) continue;
        String name =
            handler.is("lambda_expression") ? "anonymous handler" : handler.field("name").text();
        HealthEndpoint e =
            new HealthEndpoint(f.file, name, "ASP.NET Core minimal API", "GET " + path, f.at(call));
        judge(e, handler);
        out.add(e);
      }
    }
    for (CsNode method : f.root.all("method_declaration")) {
      for (CsNode attribute : method.all("attribute")) {
        if (attribute.ancestor("method_declaration") != method || attribute.parent.parent != method)
          continue;
        String name = CsFile.typeName(attribute.field("name"));
        if (!"HttpGet".equals(name) && !"Route".equals(name)) continue;
        String path = null;
        for (CsNode a : attribute.all("attribute_argument")) {
          if (!a.children.isEmpty() && a.children.get(0).stringValue() != null)
            path = a.children.get(0).stringValue();
          break;
        }
        if (path == null || !healthPath(path)) continue;
        HealthEndpoint e =
            new HealthEndpoint(
                f.file,
                CsFile.enclosing(method.children.get(method.children.size() - 1)),
                "ASP.NET Core MVC",
                "GET " + path,
                f.at(attribute));
        judge(e, method);
        out.add(e);
        break;
      }
    }
    return out;
  }

  private static boolean healthPath(String path) {
    String[] segments = path.split("/");
    String last =
        segments.length == 0 ? "" : segments[segments.length - 1].toLowerCase(Locale.ROOT);
    return HEALTH_SEGMENTS.contains(last);
  }

  /** {@code new HealthCheckOptions { Predicate = _ => false }}: no registered check runs. */
  private static boolean excludesAll(List<CsNode> args) {
    for (CsNode a : args) {
      CsNode predicate = CsFile.initializer(a).get("Predicate");
      if (predicate != null
          && predicate.is("lambda_expression")
          && predicate.field("body") != null
          && predicate.field("body").text().equals("false")) return true;
    }
    return false;
  }

  /** A lambda, or a method / local function of the file named by a method group. */
  private CsNode handler(CsNode expr) {
    if (expr.is("lambda_expression")) return expr;
    if (!expr.is("identifier")) return null;
    CsNode found = null;
    int count = 0;
    for (String kind : List.of("method_declaration", "local_function_statement")) {
      for (CsNode d : f.root.all(kind)) {
        if (d.field("name") != null && d.field("name").text().equals(expr.text())) {
          found = d;
          count++;
        }
      }
    }
    return count == 1 ? found : null;
  }

  private void judge(HealthEndpoint e, CsNode handler) {
    CsNode body = handler.field("body");
    if (body == null) return;
    Set<String> contextParams = new HashSet<>();
    CsNode params = handler.field("parameters");
    if (params != null) {
      for (CsNode p : params.all("parameter")) {
        if (p.field("name") != null && CONTEXT_TYPES.contains(CsFile.typeName(p.field("type"))))
          contextParams.add(p.field("name").text());
      }
    }
    for (CsNode c : body.all("invocation_expression")) {
      if (respondsOnly(c, contextParams)) continue;
      e.dependencyCheck =
          Value.explicit(CsFile.shorten(c.field("function").text()) + "(...)", List.of(f.at(c)));
      return;
    }
    List<CsNode> returns = body.all("return_statement");
    e.response = f.at(returns.isEmpty() ? body : returns.get(0));
  }

  private static boolean respondsOnly(CsNode call, Set<String> contextParams) {
    CsNode fn = call.field("function");
    if (fn == null) return true;
    if (!fn.is("member_access_expression")) return RESULT_HELPERS.contains(CsFile.method(call));
    CsNode root = fn;
    while (root != null && !root.is("identifier") && !root.is("predefined_type")) {
      root =
          root.is("member_access_expression")
              ? root.field("expression")
              : root.is("invocation_expression") ? root.field("function") : null;
    }
    return root != null
        && (RESPONSE_TYPES.contains(root.text()) || contextParams.contains(root.text()));
  }
}
