package dev.relplan.code.java;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Raw TCP connections of {@code java.net.Socket}. {@code new Socket(host, port)} connects in its
 * constructor with no connect timeout; {@code new Socket()} then {@code connect(endpoint, timeout)}
 * bounds connecting, and {@code setSoTimeout(ms)} bounds each read. Unset, both are 0, which Java
 * treats as infinite. docs/client-defaults.md cites the Java SE API.
 */
final class JavaSockets {
  static final String SOCKET = "java.net.Socket";
  private static final String CLIENT = "java.net.Socket";

  private final FileContext ctx;
  private final CallSites sites;

  JavaSockets(FileContext ctx, CallSites sites) {
    this.ctx = ctx;
    this.sites = sites;
  }

  /** {@code new Socket(host, port)}: connected here, without a connect timeout. */
  Integration creation(ObjectCreationExpr o) {
    if (!SOCKET.equals(ctx.imports.resolve(o.getType().getNameWithScope()))
        || o.getArguments().size() < 2) return null;
    Built made = ctx.eval(o);
    Integration i = sites.integration(o, Integration.Kind.TCP, CLIENT, made);
    i.target = target(o.getArguments());
    i.timeout =
        CallSites.none(
            "new Socket(host, port) connects in the constructor with no connect timeout (0 is"
                + " infinite); setSoTimeout afterwards bounds only reads",
            List.of());
    return i;
  }

  /** {@code socket.connect(endpoint[, timeout])} on a {@code new Socket()} of the same method. */
  Integration connect(MethodCallExpr m) {
    Expression receiver = m.getScope().orElse(null);
    Built socket = receiver == null ? null : ctx.eval(receiver);
    if (socket == null || !SOCKET.equals(socket.type) || m.getArguments().isEmpty()) return null;
    Integration i = sites.integration(m, Integration.Kind.TCP, CLIENT, socket);
    if (socket.unresolved != null) {
      i.timeout =
          Value.unresolved(
              "the socket cannot be followed to where it is made (" + socket.unresolved + ")",
              List.of());
      return i;
    }
    Expression endpoint = m.getArgument(0);
    if (endpoint instanceof ObjectCreationExpr address) i.target = target(address.getArguments());
    Durations.Rendered connect =
        m.getArguments().size() > 1 ? Durations.render(List.of(m.getArgument(1)), "ms", ctx) : null;
    Settings.Found read = Settings.first(socket, Set.of("setSoTimeout"));
    Durations.Rendered readTimeout =
        read == null ? null : Durations.render(read.step().args(), "ms", ctx);
    List<Location> trace = new ArrayList<>();
    if (connect != null) trace.add(ctx.at(m.getArgument(1)));
    if (read != null) trace.add(read.step().location());
    if (connect == null || connect.zero()) {
      i.timeout =
          CallSites.none(
              "connect(endpoint"
                  + (connect == null ? ")" : ", 0)")
                  + " has no connect timeout (0 is infinite), so connecting can wait forever",
              trace);
    } else if (readTimeout == null || readTimeout.zero()) {
      i.timeout =
          CallSites.none(
              "setSoTimeout is "
                  + (read == null ? "not called" : "0")
                  + ": reads on the socket wait forever (SO_TIMEOUT 0 is infinite); only"
                  + " connecting is bounded ("
                  + connect.text()
                  + ")",
              trace);
    } else {
      i.timeout =
          Value.explicit(
              "connect " + connect.text() + ", read " + readTimeout.text() + " (SO_TIMEOUT)",
              trace);
    }
    return i;
  }

  /** {@code ("host", port)} or {@code new InetSocketAddress("host", port)} written literally. */
  private static Value<String> target(List<Expression> args) {
    if (args.size() < 2 || !args.get(0).isStringLiteralExpr()) return Value.absent();
    String host = args.get(0).asStringLiteralExpr().getValue();
    String port = args.get(1).isIntegerLiteralExpr() ? ":" + args.get(1) : "";
    return host.isEmpty() ? Value.absent() : Value.explicit("tcp://" + host + port, List.of());
  }
}
