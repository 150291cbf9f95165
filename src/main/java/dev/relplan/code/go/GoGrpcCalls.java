package dev.relplan.code.go;

import dev.relplan.code.go.GoPackage.Found;
import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Calls of generated gRPC clients ({@code pb.NewXClient(conn).M(ctx, req)}), one integration per
 * method call site. A client is recognised by its constructor: a {@code New…Client} that the
 * repository's generated code declares ({@link GoGrpcIndex}), or any {@code New…Client} given a
 * connection made by {@code grpc.NewClient/Dial/DialContext} or declared as one; a struct field or
 * parameter typed as a generated client interface is a client too. The call is bounded only by a
 * deadline: the context's ({@link GoDeadlines}), one set by a unary client interceptor of the
 * connection, or a {@code timeout} in the connection's default service config. gRPC sets none by
 * default (docs/client-defaults.md, "gRPC").
 */
final class GoGrpcCalls {
  static final String CLIENT = "gRPC (Go)";
  private static final String GRPC = GoGrpcIndex.GRPC;
  private static final Set<String> DIALS = Set.of("Dial", "DialContext", "NewClient");

  /** Why a gRPC call's worst case is its deadline (docs/client-defaults.md, "gRPC"). */
  static final String ONE_DEADLINE =
      "a gRPC deadline bounds the whole call, every retry gRPC makes included";

  /** A client and where it was made (null when only its declared type says it is one). */
  private record Client(String service, Found constructor) {}

  private final GoFile f;
  private final GoPackage pkg;
  private final GoGrpcIndex index;
  private final GoDeadlines deadlines;

  GoGrpcCalls(GoFile f, GoPackage pkg, GoGrpcIndex index) {
    this.f = f;
    this.pkg = pkg;
    this.index = index;
    this.deadlines = new GoDeadlines(f);
  }

  private GoAddressEnv addressEnv;

  private GoAddressEnv addressEnv() {
    if (addressEnv == null) addressEnv = new GoAddressEnv(pkg);
    return addressEnv;
  }

  /** The integration a method call on a gRPC client is, or null. */
  Integration analyse(GoNode call) {
    if (f.file.endsWith(".pb.go")) return null; // generated code: the clients themselves
    String method = GoFile.method(call);
    GoNode receiver = GoFile.receiver(call);
    if (method == null || receiver == null || !Character.isUpperCase(method.charAt(0))) return null;
    Client client = client(receiver);
    if (client == null) return null;
    Integration i = GoCalls.integration(f, call, Integration.Kind.RPC, CLIENT, null);
    Found dial = null;
    String connText = GoFile.shorten(receiver.text());
    if (client.constructor() != null) {
      Found c = client.constructor();
      i.clientLocation = c.file().at(c.node());
      List<GoNode> args = GoFile.args(c.node());
      connText = args.isEmpty() ? "?" : GoFile.shorten(args.get(0).text());
      Dialing dialing = args.isEmpty() ? null : dialing(c.file(), args.get(0));
      dial = dialing == null ? null : dialing.dial();
      if (dial != null && !GoFile.args(dial.node()).isEmpty())
        i.targetEnv =
            addressEnv().of(dial.file(), GoFile.args(dial.node()).get(0), dialing.through());
    }
    GoGrpcDialOptions options = dial == null ? null : new GoGrpcDialOptions(dial, pkg);
    String address = options == null ? null : options.address();
    i.target =
        Value.explicit(
            client.service() + "/" + method + (address == null ? "" : " at " + address), List.of());
    List<GoNode> args = GoFile.args(call);
    Value<String> context =
        args.isEmpty()
            ? Value.unresolved("the call passes no context", List.of())
            : deadlines.of(args.get(0));
    i.timeout = verdict(context, options, connText, args.isEmpty() ? null : args.get(0));
    i.attemptSeconds = GoWaits.attempt(i.timeout);
    i.attempts = Value.defaulted(1, ONE_DEADLINE);
    i.contextFromCaller = !args.isEmpty() && deadlines.fromParameter(args.get(0));
    return i;
  }

  /** The deadline that bounds the call, from the context and the connection's options. */
  private Value<String> verdict(
      Value<String> context, GoGrpcDialOptions options, String conn, GoNode ctx) {
    if (context.isExplicit()) return context;
    if (options != null && options.deadline().isExplicit()) return options.deadline();
    if (options != null && options.deadline().unresolved()) return options.deadline();
    if (context.unresolved())
      return Value.unresolved(
          "gRPC sets no deadline by default; " + context.note(), context.trace());
    if (options == null)
      return Value.unresolved(
          "the connection "
              + conn
              + " cannot be followed to grpc.NewClient/Dial, so its interceptors and service"
              + " config are not read, and the context has no deadline",
          List.of());
    List<Location> trace = new ArrayList<>(options.trace());
    if (ctx != null) trace.add(f.at(ctx));
    return GoCalls.none(
        "gRPC sets no deadline by default (\"By default, gRPC does not set a deadline\"), and the"
            + " context "
            + GoFile.shorten(ctx == null ? "?" : ctx.text())
            + " has none"
            + options.dialTimeoutNote(),
        trace);
  }

  /** The client a receiver holds: made by a gRPC client constructor, or typed as one. */
  private Client client(GoNode receiver) {
    Found made = origin(new Found(f, receiver));
    if (made != null) {
      String service = constructorService(made);
      if (service != null) return new Client(service, made);
    }
    String type = declaredType(receiver);
    String service = type == null ? null : index.interfaceService(type);
    return service == null ? null : new Client(service, null);
  }

  /** The service a call of a gRPC client constructor reaches, or null for any other call. */
  private String constructorService(Found made) {
    GoNode call = made.node();
    if (!call.is("call_expression")) return null;
    GoNode fn = call.field("function");
    String q = made.file().qualify(fn);
    String name = q != null ? GoFile.memberOf(q) : fn.is("identifier") ? fn.text() : null;
    List<GoNode> args = GoFile.args(call);
    if (name == null
        || args.size() != 1
        || !name.startsWith("New")
        || !name.endsWith("Client")
        || name.length() <= "NewClient".length()) return null;
    String indexed = index.constructorService(name);
    if (indexed != null) return indexed;
    boolean conn =
        dial(made.file(), args.get(0)) != null
            || connTyped(made.file(), args.get(0))
            || q != null && GoFile.pathOf(q).startsWith(GRPC);
    return conn ? name.substring(3, name.length() - "Client".length()) : null;
  }

  /** Whether an argument is a field or parameter declared as a gRPC connection. */
  private boolean connTyped(GoFile file, GoNode arg) {
    if (arg.is("identifier")) {
      GoNode p = file.parameter(arg.text(), arg);
      return p != null && GoGrpcIndex.isConnType(file, p.field("type"));
    }
    Found type = fieldType(arg);
    return type != null && GoGrpcIndex.isConnType(type.file(), type.node());
  }

  /** The name of the type a field or parameter is declared with (qualified or not), or null. */
  private String declaredType(GoNode receiver) {
    GoNode type = null;
    GoFile file = f;
    if (receiver.is("identifier")) {
      GoNode p = f.parameter(receiver.text(), receiver);
      type = p == null ? null : p.field("type");
    } else {
      Found t = fieldType(receiver);
      if (t != null) {
        type = t.node();
        file = t.file();
      }
    }
    if (type == null) return null;
    String q = file.qualify(type);
    if (q != null) return GoFile.memberOf(q);
    return type.is("type_identifier") ? type.text() : null;
  }

  /** The declared type of {@code x.field}: the one struct field of that name in the package. */
  private Found fieldType(GoNode selector) {
    if (!selector.is("selector_expression") || selector.field("field") == null) return null;
    String field = selector.field("field").text();
    Found found = null;
    for (GoFile file : pkg.files) {
      for (GoNode fd : file.root.all("field_declaration")) {
        for (GoNode c : fd.children) {
          if (!"name".equals(c.field) || !c.text().equals(field)) continue;
          if (found != null) return null;
          found = new Found(file, fd.field("type"));
        }
      }
    }
    return found == null || found.node() == null ? null : found;
  }

  /**
   * Where a value was made: within its file ({@link GoFile#origin}), else for {@code x.field} the
   * one value the package's files give that field.
   */
  private Found origin(Found at) {
    GoNode o = at.file().origin(at.node());
    if (o != null) return new Found(at.file(), o);
    GoNode n = at.node();
    if (!n.is("selector_expression") || n.field("field") == null || at.file().qualify(n) != null)
      return null;
    String field = n.field("field").text();
    Found found = null;
    for (GoFile file : pkg.files) {
      if (file == at.file()) continue;
      GoNode value = file.fieldBinding(field);
      if (value == null) continue;
      if (found != null) return null;
      GoNode made = file.origin(value);
      found = made == null ? null : new Found(file, made);
    }
    return found;
  }

  /**
   * The {@code grpc.NewClient/Dial/DialContext} call a connection comes from: followed like any
   * value, or for a struct field filled through a pointer ({@code connect(&s.conn, addr)} with
   * {@code *conn, err = grpc.NewClient(addr, …)} in the package's {@code connect}); null when not
   * found.
   */
  private Found dial(GoFile file, GoNode conn) {
    Dialing d = dialing(file, conn);
    return d == null ? null : d.dial();
  }

  /**
   * A dial and, when it is made in a helper given a pointer to the connection's field, the call of
   * that helper (whose arguments give the helper's parameters, such as the address).
   */
  private record Dialing(Found dial, Found through) {}

  private Dialing dialing(GoFile file, GoNode conn) {
    Found o = origin(new Found(file, conn));
    if (o != null) return isDial(o) ? new Dialing(o, null) : null;
    if (!conn.is("selector_expression") || conn.field("field") == null) return null;
    String field = conn.field("field").text();
    for (GoFile caller : pkg.files) {
      for (GoNode call : caller.calls()) {
        List<GoNode> args = GoFile.args(call);
        for (int k = 0; k < args.size(); k++) {
          if (!pointerTo(args.get(k), field)) continue;
          Found d = dialThrough(call, k);
          if (d != null) return new Dialing(d, new Found(caller, call));
        }
      }
    }
    return null;
  }

  /** Whether an argument is {@code &x.field}: the address of that field of a struct. */
  static boolean pointerTo(GoNode arg, String field) {
    if (!arg.is("unary_expression") || !arg.text().startsWith("&")) return false;
    GoNode target = arg.field("operand");
    return target != null
        && target.is("selector_expression")
        && target.field("field") != null
        && target.field("field").text().equals(field);
  }

  /** In the package function a call passes a pointer to, the dial assigned through it. */
  private Found dialThrough(GoNode call, int position) {
    GoNode fn = call.field("function");
    if (fn == null || !fn.is("identifier")) return null;
    Found callee = pkg.declaration(fn.text(), false);
    if (callee == null) return null;
    String param = parameterName(callee.node(), position);
    if (param == null) return null;
    for (GoNode a : callee.node().all("assignment_statement")) {
      GoNode left = a.field("left");
      GoNode right = a.field("right");
      if (left == null || right == null || left.children.isEmpty() || right.children.isEmpty())
        continue;
      GoNode target = left.children.get(0);
      if (!target.is("unary_expression")
          || target.field("operand") == null
          || !target.field("operand").text().equals(param)) continue;
      GoNode made = callee.file().origin(right.children.get(0));
      Found d = made == null ? null : new Found(callee.file(), made);
      if (d != null && isDial(d)) return d;
    }
    return null;
  }

  private static String parameterName(GoNode function, int position) {
    GoNode params = function.field("parameters");
    if (params == null) return null;
    int k = 0;
    for (GoNode p : params.children) {
      for (GoNode c : p.children) {
        if (!"name".equals(c.field)) continue;
        if (k++ == position) return c.text();
      }
    }
    return null;
  }

  private static boolean isDial(Found made) {
    if (!made.node().is("call_expression")) return false;
    String q = made.file().qualify(made.node().field("function"));
    return q != null && GoFile.pathOf(q).equals(GRPC) && DIALS.contains(GoFile.memberOf(q));
  }
}
