package dev.relplan.code.java;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import dev.relplan.model.HealthEndpoint;
import dev.relplan.model.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Spring MVC / WebFlux handlers mapped to a health or readiness path, and whether they touch
 * anything beyond building their answer. Liveness and ping paths are not health checks of the
 * service's function (they are meant to stay shallow) and are not reported.
 */
final class HealthEndpoints {
  private static final Set<String> HEALTH_SEGMENTS =
      Set.of("health", "healthz", "healthcheck", "health-check", "ready", "readyz", "readiness");

  /** Calls that only build a response: using them says nothing about dependencies. */
  private static final Set<String> RESPONSE_BUILDING =
      Set.of(
          "ok",
          "status",
          "build",
          "body",
          "of",
          "ofEntries",
          "entry",
          "singletonMap",
          "singletonList",
          "emptyMap",
          "noContent",
          "accepted",
          "created",
          "header",
          "headers",
          "contentType",
          "put",
          "toString",
          "valueOf",
          "now",
          "currentTimeMillis",
          "format",
          "just",
          "up",
          "unknown",
          "withDetail",
          "withDetails",
          "getStatus");

  private final FileContext ctx;

  HealthEndpoints(FileContext ctx) {
    this.ctx = ctx;
  }

  List<HealthEndpoint> find() {
    List<HealthEndpoint> out = new ArrayList<>();
    for (MethodDeclaration m : ctx.cu.findAll(MethodDeclaration.class)) {
      AnnotationExpr mapping = mapping(m);
      if (mapping == null || m.getBody().isEmpty()) continue;
      String path = path(mapping);
      if (path == null) continue;
      String[] segments = path.split("/");
      String last =
          segments.length == 0 ? "" : segments[segments.length - 1].toLowerCase(Locale.ROOT);
      if (!HEALTH_SEGMENTS.contains(last)) continue;
      String prefix =
          m.findAncestor(ClassOrInterfaceDeclaration.class)
              .flatMap(c -> c.getAnnotationByName("RequestMapping"))
              .map(this::path)
              .orElse("");
      String full =
          (prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix)
              + (path.startsWith("/") ? path : "/" + path);
      HealthEndpoint e =
          new HealthEndpoint(
              ctx.file,
              CallSites.enclosing(m.getBody().get()),
              "Spring",
              "GET " + full,
              ctx.at(mapping));
      List<MethodCallExpr> calls = new ArrayList<>(m.getBody().get().findAll(MethodCallExpr.class));
      calls.sort(
          Comparator.comparing(
              (MethodCallExpr c) ->
                  c.getName().getBegin().map(p -> p.line * 10000 + p.column).orElse(0)));
      for (MethodCallExpr c : calls) {
        if (!RESPONSE_BUILDING.contains(c.getNameAsString())) {
          e.dependencyCheck =
              Value.explicit(c.getNameAsString() + "(...)", List.of(ctx.at(c.getName())));
          break;
        }
      }
      List<ReturnStmt> returns = m.getBody().get().findAll(ReturnStmt.class);
      e.response = returns.isEmpty() ? null : ctx.at(returns.get(0));
      out.add(e);
    }
    return out;
  }

  /** A GET mapping annotation (GetMapping, or RequestMapping without another method). */
  private static AnnotationExpr mapping(MethodDeclaration m) {
    for (AnnotationExpr a : m.getAnnotations()) {
      String n = a.getNameAsString();
      if (n.equals("GetMapping")) return a;
      if (n.equals("RequestMapping")) {
        String method = attribute(a, "method");
        if (method == null || method.contains("GET")) return a;
      }
    }
    return null;
  }

  private String path(AnnotationExpr a) {
    Expression v = null;
    if (a instanceof SingleMemberAnnotationExpr s) v = s.getMemberValue();
    if (a instanceof NormalAnnotationExpr n) {
      for (MemberValuePair p : n.getPairs())
        if (p.getNameAsString().equals("value") || p.getNameAsString().equals("path"))
          v = p.getValue();
    }
    if (v == null)
      return a instanceof NormalAnnotationExpr || a.isMarkerAnnotationExpr() ? "" : null;
    if (v instanceof ArrayInitializerExpr arr && !arr.getValues().isEmpty())
      v = arr.getValues().get(0);
    return v instanceof StringLiteralExpr s ? s.getValue() : null;
  }

  private static String attribute(AnnotationExpr a, String name) {
    if (!(a instanceof NormalAnnotationExpr n)) return null;
    for (MemberValuePair p : n.getPairs())
      if (p.getNameAsString().equals(name)) return p.getValue().toString();
    return null;
  }
}
