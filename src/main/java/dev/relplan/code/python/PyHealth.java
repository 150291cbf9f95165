package dev.relplan.code.python;

import dev.relplan.model.HealthEndpoint;
import dev.relplan.model.Value;
import dev.relplan.parse.python.PyFile;
import dev.relplan.parse.python.PyNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Flask and FastAPI handlers of health/readiness paths, and whether they touch a dependency. */
final class PyHealth {
  private static final Set<String> HEALTH_SEGMENTS =
      Set.of("health", "healthz", "healthcheck", "health-check", "ready", "readyz", "readiness");
  private static final Set<String> APPS =
      Set.of("flask.Flask", "flask.Blueprint", "fastapi.FastAPI", "fastapi.APIRouter");

  /** Calls that only build a response. */
  private static final Set<String> RESPONSE_BUILDING =
      Set.of(
          "jsonify",
          "JSONResponse",
          "PlainTextResponse",
          "Response",
          "make_response",
          "dict",
          "str",
          "int",
          "len",
          "HTMLResponse",
          "time",
          "now",
          "utcnow",
          "isoformat");

  private final PyFile f;

  PyHealth(PyFile f) {
    this.f = f;
  }

  List<HealthEndpoint> find() {
    List<HealthEndpoint> out = new ArrayList<>();
    for (PyNode decorated : f.root.all("decorated_definition")) {
      PyNode function = decorated.field("definition");
      if (function == null || !function.is("function_definition")) continue;
      for (PyNode d : decorated.children) {
        if (!d.is("decorator") || d.children.isEmpty() || !d.children.get(0).is("call")) continue;
        PyNode call = d.children.get(0);
        PyNode fn = call.field("function");
        if (fn == null || !fn.is("attribute") || fn.field("attribute") == null) continue;
        String method = fn.field("attribute").text();
        if (!method.equals("route") && !method.equals("get")) continue;
        PyNode app = f.origin(fn.field("object"));
        String framework = app == null ? null : f.qualify(app.field("function"));
        if (framework == null || !APPS.contains(framework)) continue;
        List<PyNode> args = PyFile.positional(call);
        String path = args.isEmpty() ? null : args.get(0).stringValue();
        if (path == null) continue;
        PyNode methods = PyFile.kwargs(call).get("methods");
        if (method.equals("route")
            && methods != null
            && !methods.text().toUpperCase(Locale.ROOT).contains("GET")) continue;
        String[] segments = path.split("/");
        String last =
            segments.length == 0 ? "" : segments[segments.length - 1].toLowerCase(Locale.ROOT);
        if (!HEALTH_SEGMENTS.contains(last)) continue;
        String name = function.field("name") == null ? "?" : function.field("name").text();
        HealthEndpoint e =
            new HealthEndpoint(
                f.file,
                name,
                framework.startsWith("flask") ? "Flask" : "FastAPI",
                "GET " + path,
                f.at(d));
        PyNode body = function.field("body");
        if (body != null) {
          for (PyNode c : body.all("call")) {
            PyNode callee = c.field("function");
            String calleeName =
                callee == null
                    ? ""
                    : callee.is("attribute") && callee.field("attribute") != null
                        ? callee.field("attribute").text()
                        : callee.text();
            if (!RESPONSE_BUILDING.contains(calleeName)) {
              e.dependencyCheck = Value.explicit(calleeName + "(...)", List.of(f.at(c)));
              break;
            }
          }
          List<PyNode> returns = body.all("return_statement");
          e.response = returns.isEmpty() ? null : f.at(returns.get(0));
        }
        out.add(e);
        break;
      }
    }
    return out;
  }
}
