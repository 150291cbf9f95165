package dev.relplan.code.go;

import dev.relplan.model.HealthEndpoint;
import dev.relplan.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A gRPC health service registered with {@code grpc_health_v1.RegisterHealthServer}, which gRPC
 * probes (and {@code grpc_health_probe}) ask. What counts as shallow:
 *
 * <ul>
 *   <li>grpc-go's own server ({@code health.NewServer()}) answers SERVING for the server as a whole
 *       from the moment it is made, and changes only when the code calls {@code SetServingStatus};
 *       it is shallow unless a {@code SetServingStatus} that sets another status than SERVING is
 *       guarded by an {@code if} whose condition calls something beyond building a response (a
 *       database ping, a client call): that call is its dependency check. Setting SERVING, or
 *       NOT_SERVING on shutdown without such a condition, keeps it shallow.
 *   <li>A server of the code's own type is judged by its {@code Check} method, as an HTTP handler
 *       is: its first call beyond building the response is the dependency check.
 * </ul>
 */
final class GoGrpcHealth {
  private static final String HEALTH_V1 = "google.golang.org/grpc/health/grpc_health_v1";
  private static final String NEW_SERVER = "google.golang.org/grpc/health.NewServer";

  private final GoFile f;
  private final GoPackage pkg;

  GoGrpcHealth(GoFile f, GoPackage pkg) {
    this.f = f;
    this.pkg = pkg;
  }

  List<HealthEndpoint> find() {
    List<HealthEndpoint> out = new ArrayList<>();
    for (GoNode call : f.calls()) {
      List<GoNode> args = GoFile.args(call);
      if (args.size() != 2
          || !(HEALTH_V1 + ".RegisterHealthServer").equals(f.qualify(call.field("function"))))
        continue;
      GoNode server = f.origin(args.get(1));
      if (NEW_SERVER.equals(f.made(server))) {
        HealthEndpoint e =
            new HealthEndpoint(
                f.file, "health.NewServer()", "grpc", HealthEndpoint.GRPC_HEALTH, f.at(call));
        GoNode check = statusDecidedBy();
        if (check != null)
          e.dependencyCheck =
              Value.explicit(
                  GoFile.shorten(check.field("function").text()) + "(...)",
                  List.of(fileOf(check).at(check)));
        else e.response = f.at(server);
        out.add(e);
        continue;
      }
      GoPackage.Found method = server == null ? null : checkMethod(server);
      if (method == null || method.node().field("body") == null) continue;
      HealthEndpoint e =
          new HealthEndpoint(
              f.file,
              typeOf(method.node()) + ".Check",
              "grpc",
              HealthEndpoint.GRPC_HEALTH,
              f.at(call));
      GoHealth.judge(e, method.file(), pkg, method.node());
      out.add(e);
    }
    return out;
  }

  /**
   * The call in the condition of an {@code if} that guards a {@code SetServingStatus} to another
   * status than SERVING, anywhere in the package; null when no dependency drives the status.
   */
  private GoNode statusDecidedBy() {
    for (GoFile file : pkg.files) {
      for (GoNode call : file.calls()) {
        List<GoNode> args = GoFile.args(call);
        if (!"SetServingStatus".equals(GoFile.method(call)) || args.size() != 2) continue;
        if (args.get(1).text().endsWith("HealthCheckResponse_SERVING")) continue;
        for (GoNode p = call.parent; p != null && p != call.declaration(); p = p.parent) {
          if (!p.is("if_statement")) continue;
          for (String part : List.of("initializer", "condition")) {
            GoNode guard = p.field(part);
            if (guard == null) continue;
            for (GoNode c : guard.all("call_expression"))
              if (!GoHealth.respondsOnly(file, pkg, c, Set.of(), 0)) return c;
            if (guard.is("call_expression")
                && !GoHealth.respondsOnly(file, pkg, guard, Set.of(), 0)) return guard;
          }
        }
      }
    }
    return null;
  }

  /**
   * The Check method of the server's type: the composite literal's type ({@code &checker{}}), else
   * the package's only Check method.
   */
  private GoPackage.Found checkMethod(GoNode server) {
    GoNode type = server.is("composite_literal") ? server.field("type") : null;
    if (type != null && type.is("type_identifier")) return pkg.method(type.text(), "Check");
    return pkg.declaration("Check", true);
  }

  private GoFile fileOf(GoNode n) {
    GoNode root = n;
    while (root.parent != null) root = root.parent;
    for (GoFile file : pkg.files) if (file.root == root) return file;
    return f;
  }

  private static String typeOf(GoNode method) {
    GoNode receiver = method.field("receiver");
    if (receiver != null) for (GoNode t : receiver.all("type_identifier")) return t.text();
    return "?";
  }
}
