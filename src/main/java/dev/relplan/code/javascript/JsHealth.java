package dev.relplan.code.javascript;

import dev.relplan.model.HealthEndpoint;
import dev.relplan.model.Value;
import dev.relplan.parse.javascript.JsFile;
import dev.relplan.parse.javascript.JsNode;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Health and readiness routes of Express and Fastify apps ({@code app.get('/health', handler)}) and
 * NestJS controllers ({@code @Get('health')}), and whether their handler touches a dependency.
 */
final class JsHealth {
  private static final Set<String> HEALTH_SEGMENTS =
      Set.of("health", "healthz", "healthcheck", "health-check", "ready", "readyz", "readiness");

  /** Factories whose result routes requests. */
  private static final Set<String> APPS =
      Set.of("express", "express.Router", "fastify", "fastify.fastify", "fastify.Fastify");

  /** Objects whose methods compute values without touching a dependency. */
  private static final Set<String> PURE_OBJECTS =
      Set.of(
          "JSON", "Date", "process", "Math", "os", "console", "Object", "Number", "String", "Array",
          "Promise", "logger", "log");

  /** Functions that compute values or pass control without touching a dependency. */
  private static final Set<String> PURE_FUNCTIONS =
      Set.of("String", "Number", "Boolean", "Date", "next", "parseInt", "parseFloat");

  /** Methods that only format a value. */
  private static final Set<String> FORMATTING =
      Set.of("toISOString", "toString", "toFixed", "getTime", "toJSON", "valueOf");

  private final JsFile f;

  JsHealth(JsFile f) {
    this.f = f;
  }

  List<HealthEndpoint> find() {
    List<HealthEndpoint> out = new ArrayList<>();
    for (JsNode call : f.calls()) {
      JsNode fn = call.field("function");
      if (fn == null
          || !fn.is("member_expression")
          || fn.field("property") == null
          || !fn.field("property").text().equals("get")) continue;
      JsNode app = f.origin(fn.field("object"));
      String made =
          app == null || !app.is("call_expression") ? null : f.qualify(app.field("function"));
      if (made == null || !APPS.contains(made)) continue;
      List<JsNode> args = JsFile.arguments(call);
      if (args.size() < 2) continue;
      String path = args.get(0).stringValue();
      if (path == null || !isHealthPath(path)) continue;
      JsNode handler = handlerFunction(args.get(args.size() - 1));
      if (handler == null)
        continue; // a handler defined elsewhere: what it checks cannot be told, so no endpoint is
      // claimed
      String framework = made.startsWith("express") ? "Express" : "Fastify";
      String name =
          JsFile.functionName(handler) == null ? "GET " + path : JsFile.functionName(handler);
      HealthEndpoint e = new HealthEndpoint(f.file, name, framework, "GET " + path, f.at(call));
      inspect(e, handler);
      out.add(e);
    }
    for (JsNode call : f.calls()) {
      // fastify.route({ method: 'GET', url: '/health', handler })
      JsNode fn = call.field("function");
      if (fn == null
          || !fn.is("member_expression")
          || fn.field("property") == null
          || !fn.field("property").text().equals("route")) continue;
      JsNode app = f.origin(fn.field("object"));
      String made =
          app == null || !app.is("call_expression") ? null : f.qualify(app.field("function"));
      if (made == null || !made.startsWith("fastify")) continue;
      List<JsNode> args = JsFile.arguments(call);
      JsFile.Options route = f.options(args.isEmpty() ? null : args.get(0));
      JsNode method = route.get("method");
      JsNode url = route.get("url");
      JsNode handlerArg = route.get("handler");
      String path = url == null ? null : url.stringValue();
      if (method == null
          || !method.text().toUpperCase(Locale.ROOT).contains("GET")
          || path == null
          || !isHealthPath(path)
          || handlerArg == null) continue;
      JsNode handler =
          handlerArg.is("method_definition") ? handlerArg : handlerFunction(handlerArg);
      if (handler == null) continue;
      HealthEndpoint e =
          new HealthEndpoint(f.file, "GET " + path, "Fastify", "GET " + path, f.at(call));
      inspect(e, handler);
      out.add(e);
    }
    for (JsNode method : f.root.all("method_definition")) {
      String route = nestRoute(method);
      if (route == null) continue;
      JsNode name = method.field("name");
      JsNode cls =
          method.ancestor("class_body") == null ? null : method.ancestor("class_body").parent;
      String handler =
          (cls == null || cls.field("name") == null ? "<class>" : cls.field("name").text())
              + "."
              + (name == null ? "?" : name.text());
      HealthEndpoint e =
          new HealthEndpoint(f.file, handler, "NestJS", "GET " + route, f.at(method));
      inspect(e, method);
      out.add(e);
    }
    return out;
  }

  private static boolean isHealthPath(String path) {
    String[] segments = path.split("/");
    String last =
        segments.length == 0 ? "" : segments[segments.length - 1].toLowerCase(Locale.ROOT);
    return HEALTH_SEGMENTS.contains(last);
  }

  /**
   * The handler passed to a route: an inline function, or a function declared in the file under
   * that name.
   */
  private JsNode handlerFunction(JsNode arg) {
    JsNode a = arg.unwrap();
    if (JsNode.isFunction(a)) return a;
    if (!a.is("identifier")) return null;
    for (JsNode d : f.root.all("function_declaration")) {
      if (d.field("name") != null && d.field("name").text().equals(a.text())) return d;
    }
    JsNode bound = f.binding(a.text(), a);
    return bound != null && JsNode.isFunction(bound.unwrap()) ? bound.unwrap() : null;
  }

  /**
   * The first call beyond building the response is the dependency check; else the constant answer
   * is located.
   */
  private void inspect(HealthEndpoint e, JsNode function) {
    JsNode body = function.field("body");
    if (body == null) return;
    List<String> parameters = parameterNames(function);
    for (JsNode c : body.all("call_expression")) {
      if (buildsResponse(c, parameters)) continue;
      JsNode callee = c.field("function");
      String name =
          callee == null
              ? ""
              : callee.is("member_expression") && callee.field("property") != null
                  ? callee.field("property").text()
                  : callee.text();
      e.dependencyCheck = Value.explicit(JsCalls.shorten(name) + "(...)", List.of(f.at(c)));
      return;
    }
    for (JsNode n : body.all("new_expression")) {
      JsNode ctor = n.field("constructor");
      if (ctor != null && !ctor.text().equals("Date")) {
        e.dependencyCheck = Value.explicit("new " + ctor.text() + "(...)", List.of(f.at(n)));
        return;
      }
    }
    List<JsNode> returns = body.all("return_statement");
    List<JsNode> sends = body.all("call_expression");
    int line = Integer.MAX_VALUE;
    if (!returns.isEmpty()) line = returns.get(0).line;
    if (!sends.isEmpty()) line = Math.min(line, sends.get(0).line);
    if (!body.is("statement_block"))
      line = Math.min(line, body.line); // (req, res) => res.send('ok')
    e.response = line == Integer.MAX_VALUE ? null : new Location(f.file, line);
  }

  /**
   * A call that only reads the request, builds the response ({@code res.status(200).json(...)},
   * {@code reply.code(200).send(...)}), or computes a value ({@code Date.now()}, {@code
   * process.uptime()}): the root of its callee is a handler parameter or a pure global.
   */
  private static boolean buildsResponse(JsNode call, List<String> parameters) {
    JsNode callee = call.field("function");
    if (callee == null) return true;
    callee = callee.unwrap();
    if (callee.is("identifier"))
      return PURE_FUNCTIONS.contains(callee.text()) || parameters.contains(callee.text());
    if (callee.is("member_expression")
        && callee.field("property") != null
        && FORMATTING.contains(callee.field("property").text())) return true;
    JsNode root = callee;
    while (root.is("member_expression") || root.is("call_expression")) {
      JsNode next = root.is("member_expression") ? root.field("object") : root.field("function");
      if (next == null) break;
      root = next.unwrap();
    }
    return root.is("identifier")
        && (parameters.contains(root.text()) || PURE_OBJECTS.contains(root.text()));
  }

  /** The names of a handler's parameters (req, res, reply, next). */
  private static List<String> parameterNames(JsNode function) {
    List<String> out = new ArrayList<>();
    JsNode single = function.field("parameter");
    if (single != null) out.add(single.text());
    JsNode params = function.field("parameters");
    if (params == null) return out;
    for (JsNode p : params.children) {
      JsNode name = p.is("identifier") ? p : p.field("pattern");
      if (name != null && name.is("identifier")) out.add(name.text());
    }
    return out;
  }

  /**
   * The GET route of a NestJS controller method when it is a health path: {@code @Controller('x')
   * ... @Get('health')}.
   */
  private String nestRoute(JsNode method) {
    JsNode get = null;
    for (JsNode d : decorators(method)) {
      JsNode expr = d.children.isEmpty() ? null : d.children.get(0);
      JsNode head = expr != null && expr.is("call_expression") ? expr.field("function") : expr;
      if ("@nestjs/common.Get".equals(f.qualify(head))) get = expr;
    }
    if (get == null) return null;
    JsNode body = method.ancestor("class_body");
    JsNode cls = body == null ? null : body.parent;
    if (cls == null) return null;
    String prefix = null;
    List<JsNode> classDecorators =
        new ArrayList<>(cls.children.stream().filter(c -> c.is("decorator")).toList());
    if (cls.parent != null && cls.parent.is("export_statement"))
      classDecorators.addAll(cls.parent.children.stream().filter(c -> c.is("decorator")).toList());
    for (JsNode d : classDecorators) {
      JsNode expr = d.children.isEmpty() ? null : d.children.get(0);
      JsNode head = expr != null && expr.is("call_expression") ? expr.field("function") : expr;
      if ("@nestjs/common.Controller".equals(f.qualify(head))) prefix = firstString(expr);
    }
    if (prefix == null) return null;
    String path = get.is("call_expression") ? firstString(get) : "";
    String route =
        "/"
            + String.join("/", List.of(prefix, path == null ? "" : path))
                .replaceAll("/+", "/")
                .replaceAll("^/|/$", "");
    return isHealthPath(route) ? route : null;
  }

  private static String firstString(JsNode call) {
    if (!call.is("call_expression")) return "";
    List<JsNode> args = JsFile.arguments(call);
    if (args.isEmpty()) return "";
    return args.get(0).stringValue();
  }

  /**
   * Decorators of a method: children in the JavaScript grammar, preceding siblings in the class
   * body in TypeScript's.
   */
  private static List<JsNode> decorators(JsNode method) {
    List<JsNode> out =
        new ArrayList<>(method.children.stream().filter(c -> c.is("decorator")).toList());
    JsNode body = method.parent;
    if (body == null || !body.is("class_body")) return out;
    int at = body.children.indexOf(method);
    for (int k = at - 1; k >= 0 && body.children.get(k).is("decorator"); k--)
      out.add(body.children.get(k));
    return out;
  }
}
