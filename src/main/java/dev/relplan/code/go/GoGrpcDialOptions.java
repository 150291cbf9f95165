package dev.relplan.code.go;

import dev.relplan.code.go.GoPackage.Found;
import dev.relplan.model.Value;
import dev.relplan.parse.JsonLoader;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ParseException;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.SeqNode;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The options a gRPC connection is dialled with, as far as they decide a call's deadline: a unary
 * client interceptor that makes a context with {@code context.WithTimeout/WithDeadline} (a function
 * literal, or a function of the package, named or returned by a factory) sets one; an interceptor
 * from a library relplan does not know may set one (Cannot Determine); a {@code timeout} in a
 * {@code methodConfig} of {@code grpc.WithDefaultServiceConfig} sets one; {@code grpc.WithTimeout}
 * (deprecated) bounds dialing only. Options passed as {@code opts...} are read from the slice's
 * literal and the {@code append}s to it in the same function.
 */
final class GoGrpcDialOptions {
  private static final String GRPC = GoGrpcIndex.GRPC;
  private static final Set<String> INTERCEPTOR_OPTIONS =
      Set.of(GRPC + ".WithUnaryInterceptor", GRPC + ".WithChainUnaryInterceptor");

  /** Library interceptors that observe calls and set no deadline. */
  private static final Set<String> OBSERVING_INTERCEPTORS =
      Set.of(
          "go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc.UnaryClientInterceptor",
          "github.com/grpc-ecosystem/go-grpc-prometheus.UnaryClientInterceptor",
          "github.com/grpc-ecosystem/go-grpc-middleware/providers/prometheus.UnaryClientInterceptor");

  private final Found dial;
  private final GoPackage pkg;
  private Value<String> deadline = Value.absent();
  private Location dialTimeout;

  GoGrpcDialOptions(Found dial, GoPackage pkg) {
    this.dial = dial;
    this.pkg = pkg;
    for (GoNode option : options()) read(option);
  }

  /** The address when written literally, else null. */
  String address() {
    List<GoNode> args = GoFile.args(dial.node());
    if (args.isEmpty()) return null;
    GoNode a = args.get(0);
    String s = a.stringValue();
    if (s == null && a.is("identifier")) {
      GoNode bound = dial.file().binding(a.text(), a);
      s = bound == null ? null : bound.stringValue();
    }
    return s;
  }

  /** A deadline set for every call on the connection: explicit, unresolved, or absent. */
  Value<String> deadline() {
    return deadline;
  }

  List<Location> trace() {
    return List.of(dial.file().at(dial.node()));
  }

  String dialTimeoutNote() {
    return dialTimeout == null
        ? ""
        : "; grpc.WithTimeout at " + dialTimeout + " bounds dialing only, not the calls";
  }

  private List<GoNode> options() {
    List<GoNode> out = new ArrayList<>();
    List<GoNode> args = GoFile.args(dial.node());
    for (GoNode a : args.subList(Math.min(1, args.size()), args.size())) {
      if (!a.is("variadic_argument")) {
        out.add(a);
        continue;
      }
      GoNode slice = a.children.isEmpty() ? null : a.children.get(0);
      if (slice == null || !slice.is("identifier")) continue;
      GoNode literal = dial.file().binding(slice.text(), slice);
      if (literal != null && literal.is("composite_literal") && literal.field("body") != null)
        for (GoNode e : literal.field("body").children)
          if (e.is("literal_element") && !e.children.isEmpty()) out.add(e.children.get(0));
      GoNode scope = dial.node().declaration();
      if (scope != null) out.addAll(appended(scope, slice.text()));
    }
    return out;
  }

  /** The values of {@code name = append(name, …)} in a function. */
  private static List<GoNode> appended(GoNode scope, String name) {
    List<GoNode> out = new ArrayList<>();
    for (GoNode call : scope.all("call_expression")) {
      List<GoNode> args = GoFile.args(call);
      if (!call.field("function").text().equals("append")
          || args.isEmpty()
          || !args.get(0).text().equals(name)) continue;
      out.addAll(args.subList(1, args.size()));
    }
    return out;
  }

  private void read(GoNode option) {
    GoFile file = dial.file();
    GoNode made = file.origin(option);
    String q = file.made(made);
    if (q == null) return;
    List<GoNode> args = GoFile.args(made);
    if (q.equals(GRPC + ".WithTimeout")) dialTimeout = file.at(made);
    if (q.equals(GRPC + ".WithDefaultServiceConfig") && args.size() == 1)
      keep(serviceConfig(file, args.get(0)));
    if (INTERCEPTOR_OPTIONS.contains(q)) for (GoNode i : args) keep(interceptor(file, i));
  }

  /** An explicit deadline wins over an unresolved one, which wins over none. */
  private void keep(Value<String> found) {
    if (deadline.isExplicit()) return;
    if (found.isExplicit() || found.unresolved() && !deadline.unresolved()) deadline = found;
  }

  private Value<String> interceptor(GoFile file, GoNode expr) {
    GoNode made = file.origin(expr);
    if (made != null && OBSERVING_INTERCEPTORS.contains(file.made(made))) return Value.absent();
    GoNode body = null;
    GoFile bodyFile = file;
    if (made != null && made.is("func_literal")) body = made;
    else if (expr.is("identifier") && file.qualify(expr) == null) {
      Found fn = pkg.declaration(expr.text(), false);
      if (fn != null) {
        body = fn.node();
        bodyFile = fn.file();
      }
    }
    if (body == null)
      return Value.unresolved(
          "the unary client interceptor "
              + GoFile.shorten(expr.text())
              + " is not read, and may set a deadline",
          List.of(file.at(expr)));
    for (GoNode call : body.all("call_expression")) {
      String q = bodyFile.qualify(call.field("function"));
      if (!"context.WithTimeout".equals(q) && !"context.WithDeadline".equals(q)) continue;
      List<GoNode> args = GoFile.args(call);
      String d =
          q.endsWith("WithTimeout") && args.size() > 1
              ? GoDurations.text(bodyFile, args.get(1))
              : "a deadline";
      return Value.explicit(
          d + " (" + q + " in the unary client interceptor)", List.of(bodyFile.at(call)));
    }
    return Value.absent();
  }

  /** A {@code timeout} of a {@code methodConfig} entry in a literal default service config. */
  private static Value<String> serviceConfig(GoFile file, GoNode arg) {
    String json = arg.stringValue();
    if (json == null && arg.is("identifier")) {
      GoNode bound = file.binding(arg.text(), arg);
      json = bound == null ? null : bound.stringValue();
    }
    if (json == null)
      return Value.unresolved(
          "the default service config " + GoFile.shorten(arg.text()) + " is not a literal",
          List.of(file.at(arg)));
    try {
      Node root = JsonLoader.load(file.file, json);
      if (root instanceof MapNode m && m.get("methodConfig") instanceof SeqNode methods)
        for (Node method : methods.items())
          if (method instanceof MapNode mc && mc.get("timeout") instanceof ScalarNode t)
            return Value.explicit(
                t.text() + " (methodConfig timeout of the default service config)",
                List.of(file.at(arg)));
    } catch (ParseException e) {
      return Value.unresolved(
          "the default service config does not parse as JSON", List.of(file.at(arg)));
    }
    return Value.absent();
  }
}
