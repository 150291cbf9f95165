package dev.relplan.code.go;

import dev.relplan.model.HealthEndpoint;
import dev.relplan.model.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Handlers registered for health/readiness paths — net/http ({@code http.HandleFunc}, a ServeMux),
 * chi, gin, echo and gorilla/mux routers — and whether they touch a dependency before answering.
 */
final class GoHealth {
  /** Last path segments that name a health check, after leading underscores ({@code /_healthz}). */
  private static final Set<String> HEALTH_SEGMENTS =
      Set.of(
          "health",
          "healthz",
          "healthcheck",
          "health-check",
          "ready",
          "readyz",
          "readiness",
          "live",
          "livez",
          "liveness",
          "alive");

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
          // in-process state and logging: reading a flag or writing a log line checks nothing
          "sync",
          "sync/atomic",
          "go.uber.org/zap",
          "github.com/sirupsen/logrus",
          "github.com/rs/zerolog",
          "google.golang.org/grpc/codes",
          "google.golang.org/grpc/status",
          "bytes",
          "os");

  private static final Set<String> BUILTINS =
      Set.of("len", "make", "append", "new", "string", "int", "cap", "min", "max", "panic");

  /** Router methods that hand a whole subtree of paths to a handler or sub-router. */
  private static final Set<String> SUBTREE = Set.of("PathPrefix", "Mount", "Route", "Static");

  /** The router that serves the package-level {@code http.HandleFunc} / {@code http.Handle}. */
  private static final Object DEFAULT_SERVE_MUX = new Object();

  private final GoFile f;
  private final GoPackage pkg;
  private final GoRoutePaths paths;

  GoHealth(GoFile f, GoPackage pkg) {
    this.f = f;
    this.pkg = pkg;
    this.paths = new GoRoutePaths(pkg);
  }

  /** A route registration: its framework, the router it is added to, and whether a subtree. */
  record Registration(GoFile file, GoNode call, String framework, Object router, boolean subtree) {}

  List<HealthEndpoint> find() {
    List<HealthEndpoint> out = new ArrayList<>();
    for (GoNode call : f.calls()) {
      Registration r = registration(f, call);
      if (r == null || r.subtree()) continue;
      List<GoNode> args = GoFile.args(call);
      if (args.size() < 2) continue;
      GoRoutePaths.RoutePath route = paths.of(f, args.get(0));
      if (route == null) continue;
      String path = route.literal();
      if (route.known() && path.contains(" ")) { // Go 1.22 pattern "GET /health"
        String verb = path.substring(0, path.indexOf(' ')).toUpperCase(Locale.ROOT);
        if (!verb.equals("GET") && !verb.equals("HEAD")) continue;
        path = path.substring(path.indexOf(' ') + 1).trim();
        route = new GoRoutePaths.RoutePath(null, path);
      }
      String[] segments = path.split("/");
      String last =
          segments.length == 0 ? "" : segments[segments.length - 1].toLowerCase(Locale.ROOT);
      while (last.startsWith("_")) last = last.substring(1);
      if (!HEALTH_SEGMENTS.contains(last)) continue;
      GoPackage.Found handler = handler(args.get(args.size() - 1));
      if (handler == null || handler.node().field("body") == null)
        continue; // cannot judge a handler the scanner cannot see
      GoNode h = handler.node();
      String name = h.is("func_literal") ? "anonymous handler" : h.field("name").text();
      HealthEndpoint e =
          new HealthEndpoint(f.file, name, r.framework(), "GET " + route.shown(), f.at(call));
      if (!route.known()) {
        e.runtimePrefix = route.runtime();
        e.pathSuffix = route.literal();
        e.suffixShared = sharedWith(r, route);
      }
      judge(e, handler.file(), pkg, h);
      out.add(e);
    }
    return out;
  }

  /** The route registration a call makes, or null when it is not one. */
  private static Registration registration(GoFile file, GoNode call) {
    String q = file.qualify(call.field("function"));
    if (q != null)
      return q.equals("net/http.HandleFunc") || q.equals("net/http.Handle")
          ? new Registration(file, call, "net/http", DEFAULT_SERVE_MUX, false)
          : null;
    String method = GoFile.method(call);
    if (method == null || !(REGISTER.contains(method) || SUBTREE.contains(method))) return null;
    GoNode router = file.origin(GoFile.receiver(call));
    String made = file.made(router);
    if (made == null) return null;
    String key = GoFile.pathOf(made).replaceAll("/v[0-9]+$", "") + "." + GoFile.memberOf(made);
    String framework = ROUTERS.get(key);
    return framework == null
        ? null
        : new Registration(file, call, framework, router, SUBTREE.contains(method));
  }

  /**
   * Why a path ending with this route's literal could be served by another route of the same
   * router, or null when none could. Gorilla/mux tries routes in registration order, so a route
   * registered before (or in another file) competes when its pattern could match; net/http, chi,
   * gin and echo prefer a fixed path to any pattern or subtree, so only the same path competes. A
   * route whose path cannot be resolved may be anything, so it competes.
   */
  private String sharedWith(Registration health, GoRoutePaths.RoutePath route) {
    for (GoFile other : pkg.files) {
      for (GoNode call : other.calls()) {
        if (call == health.call()) continue;
        Registration r = registration(other, call);
        if (r == null || r.router() != health.router()) continue;
        List<GoNode> args = GoFile.args(call);
        GoRoutePaths.RoutePath p = args.isEmpty() ? null : paths.of(other, args.get(0));
        boolean ordered = health.framework().equals("gorilla/mux");
        boolean before = other != f || call.start < health.call().start;
        boolean competes =
            p == null
                || (ordered && before
                    ? couldMatch(p, r.subtree(), route)
                    : !r.subtree() && p.equals(route));
        if (competes)
          return "the route registered at "
              + other.at(call)
              + (p == null ? " has a path the scanner cannot resolve" : " could serve it too");
      }
    }
    return null;
  }

  /**
   * Whether a route could serve a path ending with the health route's literal: with the same
   * runtime prefix, its pattern ({@code {name}} is any one segment; a subtree any path under it)
   * must match that literal; with another start, its pattern only has to fit the path's end.
   */
  private static boolean couldMatch(
      GoRoutePaths.RoutePath other, boolean subtree, GoRoutePaths.RoutePath health) {
    List<String> path = segments(health.literal());
    List<String> pattern = segments(other.literal());
    if (Objects.equals(other.runtime(), health.runtime())) {
      if (subtree) return pattern.size() <= path.size() && fits(pattern, path, 0);
      return pattern.size() == path.size() && fits(pattern, path, 0);
    }
    if (subtree) return true;
    return pattern.size() <= path.size() && fits(pattern, path, path.size() - pattern.size());
  }

  private static boolean fits(List<String> pattern, List<String> path, int from) {
    for (int i = 0; i < pattern.size(); i++) {
      String p = pattern.get(i);
      if (!(p.startsWith("{") && p.endsWith("}")) && !p.equals(path.get(from + i))) return false;
    }
    return true;
  }

  private static List<String> segments(String path) {
    List<String> out = new ArrayList<>();
    for (String s : GoRoutePaths.trimmed(path).split("/")) if (!s.isEmpty()) out.add(s);
    return out;
  }

  /**
   * The function declaration, method or literal that handles a route, in this file or another of
   * the package; null when it cannot be found.
   */
  private GoPackage.Found handler(GoNode expr) {
    if (expr.is("func_literal")) return new GoPackage.Found(f, expr);
    if (expr.is("call_expression")
        && "net/http.HandlerFunc".equals(f.qualify(expr.field("function")))) {
      List<GoNode> args = GoFile.args(expr);
      return args.size() == 1 ? handler(args.get(0)) : null;
    }
    if (expr.is("identifier")) {
      GoNode bound = f.origin(expr);
      if (bound != null && bound.is("func_literal")) return new GoPackage.Found(f, bound);
      return pkg.declaration(expr.text(), false);
    }
    if (expr.is("selector_expression") && expr.field("field") != null && f.qualify(expr) == null)
      return pkg.declaration(expr.field("field").text(), true);
    return null;
  }

  /**
   * The first call beyond building the response is the dependency check; else where the constant
   * answer is written.
   */
  static void judge(HealthEndpoint e, GoFile f, GoPackage pkg, GoNode handler) {
    Set<String> params = parameters(handler);
    GoNode firstResponse = null;
    for (GoNode c : handler.field("body").all("call_expression")) {
      if (respondsOnly(f, pkg, c, params, 0)) {
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

  private static Set<String> parameters(GoNode function) {
    Set<String> params = new HashSet<>();
    GoNode parameters = function.field("parameters");
    if (parameters != null) for (GoNode n : parameters.all("identifier")) params.add(n.text());
    return params;
  }

  /**
   * A call on the handler's own parameters (the writer, request or framework context), a builtin, a
   * formatting/encoding/logging package, a field of the handler's receiver whose declared type
   * belongs to one, or a function or method of the package (on the handler's receiver) whose calls
   * all are such calls: the package's own response helpers.
   */
  static boolean respondsOnly(GoFile f, GoPackage pkg, GoNode call, Set<String> params, int depth) {
    GoNode fn = call.field("function");
    if (fn == null) return true;
    if (fn.is("identifier")) {
      if (BUILTINS.contains(fn.text())) return true;
      // cancel() of a context made in the handler
      String made = f.made(f.origin(fn));
      if (made != null && made.startsWith("context.")) return true;
      return helperResponds(pkg, pkg.declaration(fn.text(), false), depth);
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
    if (q2 != null && RESPONSE_PACKAGES.contains(GoFile.pathOf(q2))) return true;
    // a local value of a response package's type (var out bytes.Buffer; b := strings.Builder{})
    String local = localType(f, root, call);
    if (local == null) local = f.made(f.origin(root));
    if (local != null && RESPONSE_PACKAGES.contains(GoFile.pathOf(local))) return true;
    String receiverType = receiverType(f, root, call);
    if (receiverType == null || first == null || !first.is("selector_expression")) return false;
    String member = first.field("field") == null ? null : first.field("field").text();
    if (first == fn.field("operand")) { // s.logger.Error(...): a field of a logging type
      String type = pkg.fieldType(receiverType, member);
      return type != null && RESPONSE_PACKAGES.contains(GoFile.pathOf(type));
    }
    return first == fn && helperResponds(pkg, pkg.method(receiverType, member), depth);
  }

  /** The declared type of a {@code var} of the enclosing function, qualified, or null. */
  private static String localType(GoFile f, GoNode name, GoNode use) {
    GoNode decl = use.declaration();
    if (decl == null) return null;
    for (GoNode spec : decl.all("var_spec")) {
      for (GoNode c : spec.children)
        if ("name".equals(c.field) && c.text().equals(name.text()))
          return f.qualify(spec.field("type"));
    }
    return null;
  }

  /** The receiver type of the method a name is the receiver of, at a use inside it; else null. */
  private static String receiverType(GoFile f, GoNode name, GoNode use) {
    GoNode decl = use.declaration();
    GoNode receiver = decl == null ? null : decl.field("receiver");
    if (receiver == null || f.parameter(name.text(), use) == null) return null;
    for (GoNode p : receiver.children) {
      boolean named = false;
      for (GoNode c : p.children) named |= "name".equals(c.field) && c.text().equals(name.text());
      if (named) for (GoNode t : p.all("type_identifier")) return t.text();
    }
    return null;
  }

  private static boolean helperResponds(GoPackage pkg, GoPackage.Found helper, int depth) {
    if (helper == null || depth >= 3 || helper.node().field("body") == null) return false;
    Set<String> params = parameters(helper.node());
    for (GoNode c : helper.node().field("body").all("call_expression"))
      if (!respondsOnly(helper.file(), pkg, c, params, depth + 1)) return false;
    return true;
  }
}
