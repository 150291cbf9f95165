package dev.relplan.code.go;

import dev.relplan.model.HealthEndpoint;
import dev.relplan.model.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Handlers registered for health/readiness paths — net/http ({@code http.HandleFunc}, a ServeMux),
 * chi, gin, echo and gorilla/mux routers — and whether they touch a dependency before answering.
 */
final class GoHealth {
  private static final Set<String> HEALTH_SEGMENTS =
      Set.of("health", "healthz", "healthcheck", "health-check", "ready", "readyz", "readiness");
  private static final Set<String> REGISTER =
      Set.of("HandleFunc", "Handle", "Get", "GET", "Any", "Method", "MethodFunc");

  /** Router constructors by import path prefix and function, with the framework name shown. */
  private static final Map<String, String> ROUTERS =
      Map.of(
          "net/http.NewServeMux", "net/http",
          "github.com/go-chi/chi.NewRouter", "chi",
          "github.com/gin-gonic/gin.Default", "gin",
          "github.com/gin-gonic/gin.New", "gin",
          "github.com/labstack/echo.New", "echo",
          "github.com/gorilla/mux.NewRouter", "gorilla/mux");

  /** Packages whose functions only build or write a response, or manage the request context. */
  private static final Set<String> RESPONSE_PACKAGES =
      Set.of(
          "context",
          "fmt",
          "io",
          "encoding/json",
          "net/http",
          "time",
          "strconv",
          "strings",
          "log",
          "log/slog",
          "errors",
          "bytes",
          "os");

  private static final Set<String> BUILTINS =
      Set.of("len", "make", "append", "new", "string", "int", "cap", "min", "max", "panic");

  private final GoFile f;

  GoHealth(GoFile f) {
    this.f = f;
  }

  List<HealthEndpoint> find() {
    List<HealthEndpoint> out = new ArrayList<>();
    for (GoNode call : f.calls()) {
      String framework = framework(call);
      if (framework == null) continue;
      List<GoNode> args = GoFile.args(call);
      if (args.size() < 2) continue;
      String path = args.get(0).stringValue();
      if (path == null) continue;
      if (path.contains(" ")) { // Go 1.22 pattern "GET /health"
        String verb = path.substring(0, path.indexOf(' ')).toUpperCase(Locale.ROOT);
        if (!verb.equals("GET") && !verb.equals("HEAD")) continue;
        path = path.substring(path.indexOf(' ') + 1).trim();
      }
      String[] segments = path.split("/");
      String last =
          segments.length == 0 ? "" : segments[segments.length - 1].toLowerCase(Locale.ROOT);
      if (!HEALTH_SEGMENTS.contains(last)) continue;
      GoNode handlerExpr = args.get(args.size() - 1);
      GoNode handler = handler(handlerExpr);
      if (handler == null || handler.field("body") == null)
        continue; // cannot judge a handler the scanner cannot see
      String name = handler.is("func_literal") ? "anonymous handler" : handler.field("name").text();
      HealthEndpoint e = new HealthEndpoint(f.file, name, framework, "GET " + path, f.at(call));
      judge(e, handler);
      out.add(e);
    }
    return out;
  }

  /** The framework of a route registration, or null when the call is not one. */
  private String framework(GoNode call) {
    String q = f.qualify(call.field("function"));
    if (q != null)
      return q.equals("net/http.HandleFunc") || q.equals("net/http.Handle") ? "net/http" : null;
    String method = GoFile.method(call);
    if (method == null || !REGISTER.contains(method)) return null;
    String made = f.made(f.origin(GoFile.receiver(call)));
    if (made == null) return null;
    String key = GoFile.pathOf(made).replaceAll("/v[0-9]+$", "") + "." + GoFile.memberOf(made);
    return ROUTERS.get(key);
  }

  /**
   * The function declaration, method or literal that handles a route, or null when it cannot be
   * found in the file.
   */
  private GoNode handler(GoNode expr) {
    if (expr.is("func_literal")) return expr;
    if (expr.is("call_expression")
        && "net/http.HandlerFunc".equals(f.qualify(expr.field("function")))) {
      List<GoNode> args = GoFile.args(expr);
      return args.size() == 1 ? handler(args.get(0)) : null;
    }
    String name =
        expr.is("identifier")
            ? expr.text()
            : expr.is("selector_expression")
                    && expr.field("field") != null
                    && f.qualify(expr) == null
                ? expr.field("field").text()
                : null;
    if (name == null) return null;
    if (expr.is("identifier")) {
      GoNode bound = f.origin(expr);
      if (bound != null && bound.is("func_literal")) return bound;
    }
    GoNode found = null;
    int count = 0;
    for (GoNode d : f.root.children) {
      boolean kind =
          expr.is("identifier") ? d.is("function_declaration") : d.is("method_declaration");
      if (kind && d.field("name") != null && d.field("name").text().equals(name)) {
        found = d;
        count++;
      }
    }
    return count == 1 ? found : null;
  }

  /**
   * The first call beyond building the response is the dependency check; else where the constant
   * answer is written.
   */
  private void judge(HealthEndpoint e, GoNode handler) {
    Set<String> params = new HashSet<>();
    GoNode parameters = handler.field("parameters");
    if (parameters != null) for (GoNode n : parameters.all("identifier")) params.add(n.text());
    GoNode firstResponse = null;
    for (GoNode c : handler.field("body").all("call_expression")) {
      if (respondsOnly(c, params)) {
        if (firstResponse == null) firstResponse = c;
        continue;
      }
      e.dependencyCheck =
          Value.explicit(GoFile.shorten(c.field("function").text()) + "(...)", List.of(f.at(c)));
      return;
    }
    if (firstResponse == null) {
      List<GoNode> returns = handler.field("body").all("return_statement");
      firstResponse = returns.isEmpty() ? null : returns.get(0);
    }
    e.response = firstResponse == null ? null : f.at(firstResponse);
  }

  /**
   * A call on the handler's own parameters (the writer, request or framework context), a builtin,
   * or a formatting/encoding package.
   */
  private boolean respondsOnly(GoNode call, Set<String> params) {
    GoNode fn = call.field("function");
    if (fn == null) return true;
    if (fn.is("identifier")) {
      if (BUILTINS.contains(fn.text())) return true;
      // cancel() of a context made in the handler
      String made = f.made(f.origin(fn));
      return made != null && made.startsWith("context.");
    }
    String q = f.qualify(fn);
    if (q != null) return RESPONSE_PACKAGES.contains(GoFile.pathOf(q));
    GoNode root = fn;
    while (root != null && !root.is("identifier")) {
      root =
          root.is("selector_expression")
              ? root.field("operand")
              : root.is("call_expression")
                  ? root.field("function")
                  : root.is("parenthesized_expression") && !root.children.isEmpty()
                      ? root.children.get(0)
                      : null;
    }
    if (root == null) return false;
    if (params.contains(root.text())) return true;
    // json.NewEncoder(w).Encode(...): a chain starting at a response package
    GoNode first = root.parent;
    String q2 = first != null && first.is("selector_expression") ? f.qualify(first) : null;
    return q2 != null && RESPONSE_PACKAGES.contains(GoFile.pathOf(q2));
  }
}
