package dev.relplan.code.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * {@code java.net.URL.openConnection()} / {@code HttpURLConnection} and {@code URL.openStream()}.
 * The request goes out at the first call that needs the server (sending the body, reading the
 * status or the response); {@code setReadTimeout} on the same connection bounds the wait for the
 * response. Unset, URLConnection's read timeout is 0, which it treats as infinite.
 */
final class UrlConnections {
  static final Set<String> SENDS =
      Set.of("getInputStream", "getResponseCode", "getOutputStream", "connect");
  static final String OPEN_STREAM = "openStream";
  private static final String LIBRARY = "java.net.HttpURLConnection";
  private static final Set<String> URL_TYPES = Set.of("java.net.URL", "java.net.URI");
  private static final Set<String> CONNECTION_TYPES =
      Set.of(
          "java.net.URLConnection",
          "java.net.HttpURLConnection",
          "javax.net.ssl.HttpsURLConnection");

  private final FileContext ctx;
  private final CallSites sites;

  UrlConnections(FileContext ctx, CallSites sites) {
    this.ctx = ctx;
    this.sites = sites;
  }

  /** The integration this call makes, or null when it is not a URL connection sending. */
  Integration analyse(MethodCallExpr m) {
    Expression receiver = m.getScope().orElse(null);
    Built b = receiver == null ? null : ctx.eval(receiver);
    if (b == null || b.type == null) return null;
    boolean opened = URL_TYPES.contains(b.type) && b.has("openConnection");
    if (m.getNameAsString().equals(OPEN_STREAM)) {
      return URL_TYPES.contains(b.type) && !opened && remote(b) ? openStream(m, b) : null;
    }
    boolean unfollowed = CONNECTION_TYPES.contains(b.type) && b.unresolved != null;
    if (!(opened || unfollowed) || !firstSend(m, receiver)) return null;
    if (unfollowed) {
      List<Built> passed = passedIn(m, receiver);
      if (passed != null && passed.isEmpty()) return null; // every caller sent it already
      if (passed != null) {
        b = passed.get(0);
        unfollowed = false;
      }
    }
    Integration i = sites.integration(m, Integration.Kind.HTTP, LIBRARY, b);
    if (unfollowed) {
      i.timeout =
          Value.unresolved(
              "the connection cannot be followed to where it is opened (" + b.unresolved + ")",
              List.of());
      return i;
    }
    i.target = sites.target(b, Set.of("<init>", "create"));
    i.timeout = timeout(b);
    return i;
  }

  /** URL.openStream(): openConnection().getInputStream() with URLConnection's defaults. */
  private Integration openStream(MethodCallExpr m, Built url) {
    Integration i = sites.integration(m, Integration.Kind.HTTP, "java.net.URL.openStream", url);
    i.target = sites.target(url, Set.of("<init>", "create"));
    i.timeout =
        CallSites.none(
            "URL.openStream() offers no way to set a timeout: its connection keeps URLConnection's"
                + " default read and connect timeouts of 0, which wait forever",
            List.of());
    return i;
  }

  /** setReadTimeout bounds the response; setConnectTimeout alone only bounds connecting. */
  private Value<String> timeout(Built connection) {
    Settings.Found read = Settings.first(connection, Set.of("setReadTimeout"));
    Settings.Found connect = Settings.first(connection, Set.of("setConnectTimeout"));
    String connectText =
        connect == null
            ? null
            : render(connect).text() + " connect timeout at " + connect.step().location();
    if (read != null && !render(read).zero()) {
      List<Location> at = new ArrayList<>(List.of(read.step().location()));
      if (connect != null) at.add(connect.step().location());
      return Value.explicit(
          render(read).text()
              + " read timeout"
              + (connect != null ? ", " + render(connect).text() + " connect timeout" : ""),
          at);
    }
    List<Location> trace = new ArrayList<>();
    if (read != null) trace.add(read.step().location());
    if (connect != null) trace.add(connect.step().location());
    return CallSites.none(
        (read != null
                ? "setReadTimeout(0) at " + read.step().location() + " disables the read timeout"
                : "setReadTimeout is not called: URLConnection's read timeout defaults to 0, which is infinite")
            + ", so the response is awaited forever"
            + (connectText != null ? " (only a " + connectText + ")" : ""),
        trace);
  }

  private static Durations.Rendered render(Settings.Found f) {
    return Durations.render(f.step().args(), "ms", f.step().ctx());
  }

  /**
   * One request, one integration: only the first sending call on the same connection expression in
   * the method counts (getOutputStream, then getResponseCode, then getInputStream is one request).
   */
  private static boolean firstSend(MethodCallExpr m, Expression receiver) {
    Node scope = m.findAncestor(CallableDeclaration.class).map(c -> (Node) c).orElse(null);
    if (scope == null) return true;
    String written = receiver.toString();
    return scope.findAll(MethodCallExpr.class).stream()
        .filter(c -> SENDS.contains(c.getNameAsString()))
        .filter(c -> c.getScope().map(s -> s.toString().equals(written)).orElse(false))
        .min(
            Comparator.comparing(
                (MethodCallExpr c) -> c.getBegin().map(p -> p.line * 10000 + p.column).orElse(0)))
        .map(first -> first == m)
        .orElse(true);
  }

  /**
   * A connection that is a parameter of a method of this file, followed to the connections its
   * callers pass: null when a caller passes something else; empty when each caller already sent the
   * request itself (its own integration covers it); otherwise the connections opened by callers
   * that had not sent yet, when they all read the same timeout.
   */
  private List<Built> passedIn(MethodCallExpr m, Expression receiver) {
    MethodDeclaration method = m.findAncestor(MethodDeclaration.class).orElse(null);
    if (method == null || !(receiver instanceof NameExpr name)) return null;
    int index = -1;
    for (int p = 0; p < method.getParameters().size(); p++)
      if (method.getParameter(p).getNameAsString().equals(name.getNameAsString())) index = p;
    if (index < 0) return null;
    List<Built> unsent = new ArrayList<>();
    String timeout = null;
    boolean any = false;
    for (MethodCallExpr call : ctx.cu.findAll(MethodCallExpr.class)) {
      if (!call.getNameAsString().equals(method.getNameAsString())
          || call.getArguments().size() != method.getParameters().size()
          || call.getScope().isPresent() && !(call.getScope().get() instanceof ThisExpr)) continue;
      Expression arg = call.getArgument(index);
      Built passed = ctx.eval(arg);
      if (passed == null || !URL_TYPES.contains(passed.type) || !passed.has("openConnection"))
        return null;
      any = true;
      if (sentBefore(call, arg)) continue;
      Value<String> read = timeout(passed);
      String text = read.present() ? read.get() : "none";
      if (timeout != null && !timeout.equals(text)) return null;
      timeout = text;
      unsent.add(passed);
    }
    return any ? unsent : null;
  }

  /** Whether the caller already sent on the connection it passes, before passing it. */
  private static boolean sentBefore(MethodCallExpr call, Expression arg) {
    Node scope = call.findAncestor(CallableDeclaration.class).map(c -> (Node) c).orElse(null);
    if (scope == null) return false;
    String written = arg.toString();
    return scope.findAll(MethodCallExpr.class).stream()
        .anyMatch(
            c ->
                SENDS.contains(c.getNameAsString())
                    && c.getScope().map(s -> s.toString().equals(written)).orElse(false)
                    && position(c) < position(call));
  }

  private static int position(Node n) {
    return n.getBegin().map(p -> p.line * 10000 + p.column).orElse(0);
  }

  /**
   * A URL made in code ({@code new URL(..)}, {@code URI.create(..).toURL()}) and not written as a
   * local one: a URL from elsewhere is as often a class-path resource ({@code getResource}) or a
   * file as a server.
   */
  private static boolean remote(Built url) {
    if (!url.has("<init>") && !url.has("toURL")) return false;
    for (Settings.Found f : Settings.find(url, Set.of("<init>", "create"))) {
      for (Expression a : f.step().args()) {
        String text = a instanceof StringLiteralExpr literal ? literal.getValue() : "";
        if (text.startsWith("file:") || text.startsWith("jar:") || text.startsWith("classpath:"))
          return false;
      }
    }
    return true;
  }
}
