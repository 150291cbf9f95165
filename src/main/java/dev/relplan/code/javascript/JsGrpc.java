package dev.relplan.code.javascript;

import static dev.relplan.code.javascript.JsCalls.none;
import static dev.relplan.code.javascript.JsCalls.shorten;

import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.parse.javascript.JsFile;
import dev.relplan.parse.javascript.JsNode;
import java.util.List;
import java.util.Set;

/**
 * gRPC calls in Node ({@code @grpc/grpc-js}, and the legacy {@code grpc} package): a client made
 * with {@code new pkg.Service(address, credentials)}, where {@code pkg} comes from {@code
 * grpc.loadPackageDefinition(…)} (or the legacy {@code grpc.load(…)}) or the second argument is
 * gRPC credentials (generated clients such as ts-proto's {@code new CartServiceClient(addr,
 * ChannelCredentials.createInsecure())}); each call of a method on it is an integration. The
 * deadline is the {@code deadline} of the call options ({@code client.m(req, {deadline}, cb)} or
 * {@code client.m(req, metadata, {deadline}, cb)}); gRPC sets none by default
 * (docs/client-defaults.md, "gRPC").
 */
final class JsGrpc {
  static final String CLIENT = "gRPC (Node)";
  private static final Set<String> PACKAGES = Set.of("@grpc/grpc-js", "grpc");
  private static final Set<String> LOADERS = Set.of("loadPackageDefinition", "load");

  /** Methods of the client itself, not of the service. */
  private static final Set<String> CLIENT_METHODS =
      Set.of(
          "close",
          "getChannel",
          "waitForReady",
          "makeUnaryRequest",
          "makeClientStreamRequest",
          "makeServerStreamRequest",
          "makeBidiStreamRequest",
          "bind",
          "call",
          "apply");

  private final JsFile f;

  JsGrpc(JsFile f) {
    this.f = f;
  }

  /** The integration a method call on a gRPC client is, or null. */
  Integration analyse(JsNode call) {
    JsNode fn = call.field("function") == null ? null : call.field("function").unwrap();
    if (fn == null || !fn.is("member_expression") || fn.field("property") == null) return null;
    String method = fn.field("property").text();
    if (CLIENT_METHODS.contains(method)) return null;
    JsNode created = f.origin(fn.field("object"));
    String service = created == null ? null : service(created);
    if (service == null) return null;
    Integration i =
        new Integration(
            f.file,
            f.enclosingName(call),
            Integration.Kind.RPC,
            CLIENT,
            f.language,
            f.at(fn.field("property")));
    i.clientLocation = f.at(created);
    List<JsNode> ctorArgs = JsFile.arguments(created);
    String address = ctorArgs.isEmpty() ? null : ctorArgs.get(0).stringValue();
    i.target =
        Value.explicit(
            service + "/" + method + (address == null ? "" : " at " + address), List.of());
    i.timeout = deadline(call);
    return i;
  }

  /** The service a {@code new} expression makes a gRPC client for, or null. */
  private String service(JsNode created) {
    if (!created.is("new_expression")) return null;
    JsNode ctor = created.field("constructor");
    if (ctor == null) return null;
    ctor = ctor.unwrap();
    String name =
        ctor.is("member_expression") && ctor.field("property") != null
            ? ctor.field("property").text()
            : ctor.text();
    List<JsNode> args = JsFile.arguments(created);
    if (args.size() < 2 || !(fromLoadedPackage(ctor) || credentials(args.get(1)))) return null;
    return name.endsWith("Client") && name.length() > "Client".length()
        ? name.substring(0, name.length() - "Client".length())
        : name;
  }

  /** Whether a constructor is a member of what {@code grpc.loadPackageDefinition(…)} returned. */
  private boolean fromLoadedPackage(JsNode ctor) {
    JsNode n = ctor;
    for (int depth = 0; n != null && depth < 8; depth++) {
      n = n.unwrap();
      if (n.is("member_expression")) {
        n = n.field("object");
      } else if (n.is("identifier")) {
        JsNode bound = f.binding(n.text(), n);
        if (bound == null || bound == n) return false;
        n = bound;
      } else if (n.is("call_expression")) {
        String q = f.qualify(n.field("function"));
        if (q == null || q.indexOf('.') < 0) return false;
        String module = q.substring(0, q.lastIndexOf('.'));
        return PACKAGES.contains(module) && LOADERS.contains(q.substring(q.lastIndexOf('.') + 1));
      } else {
        return false;
      }
    }
    return false;
  }

  /** Whether an argument is gRPC channel credentials. */
  private boolean credentials(JsNode arg) {
    JsNode made = f.origin(arg);
    JsNode callee =
        made != null && made.is("call_expression") ? made.field("function") : arg.unwrap();
    String q = f.qualify(callee);
    if (q == null) return false;
    for (String p : PACKAGES)
      if (q.startsWith(p + ".credentials.") || q.startsWith(p + ".ChannelCredentials."))
        return true;
    return false;
  }

  /**
   * The {@code deadline} of the call options: the object argument after the request (after the
   * metadata when one is passed), not the callback.
   */
  private Value<String> deadline(JsNode call) {
    List<JsNode> args = JsFile.arguments(call);
    for (int k = 1; k < args.size(); k++) {
      JsNode a = args.get(k);
      JsNode u = a.unwrap();
      if (u.is("arrow_function") || u.is("function_expression") || u.is("function")) continue;
      JsNode made = f.origin(u);
      if (made != null && made.is("new_expression") && made.text().contains("Metadata")) continue;
      // a last argument that is no object literal is the callback
      if (k == args.size() - 1 && f.object(u) == null) continue;
      JsFile.Options options = f.options(u);
      JsNode d = options.get("deadline");
      if (d != null)
        return Value.explicit(
            "deadline " + shorten(d.text()) + " (call options)", List.of(f.at(d)));
      if (!options.complete())
        return Value.unresolved(
            "the call options " + shorten(a.text()) + " cannot be followed to see a deadline",
            List.of(f.at(a)));
    }
    return none(
        "gRPC sets no deadline by default (\"By default, gRPC does not set a deadline\"), and the"
            + " call passes no deadline option",
        List.of());
  }
}
