package dev.relplan.code.csharp;

import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The .NET platform's older HTTP APIs: {@code WebRequest.Create(...)} / {@code HttpWebRequest} (the
 * integration is the first call that sends, the client the {@code Create} line) and {@code
 * WebClient}'s download and upload methods. Both have a finite default: {@code Timeout} 100,000 ms,
 * and {@code ReadWriteTimeout} 300,000 ms for reading and writing the streams; {@code
 * Timeout.Infinite} (-1) switches the timeout off. On .NET Framework the timeout does not apply to
 * asynchronous requests. docs/client-defaults.md cites learn.microsoft.com.
 */
final class CsWebRequests {
  private static final Set<String> SENDS =
      Set.of(
          "GetResponse",
          "GetRequestStream",
          "GetResponseAsync",
          "GetRequestStreamAsync",
          "BeginGetResponse",
          "BeginGetRequestStream");
  private static final Set<String> CREATES = Set.of("Create", "CreateHttp", "CreateDefault");
  private static final Set<String> FACTORIES = Set.of("WebRequest", "HttpWebRequest");
  private static final Set<String> WEB_CLIENT_VERBS =
      Set.of(
          "DownloadString",
          "DownloadData",
          "DownloadFile",
          "UploadString",
          "UploadData",
          "UploadFile",
          "UploadValues",
          "OpenRead",
          "OpenWrite");

  static final String DEFAULT =
      "100000 ms (WebRequest default Timeout; ReadWriteTimeout 300000 ms)";

  private static final String ASYNC =
      "on .NET Framework the request's Timeout does not apply to asynchronous requests"
          + " (BeginGetResponse, and the Task methods built on it), while on .NET 5 and later it"
          + " is passed to the HttpClient that sends the request; which runtime the project"
          + " targets is not read";

  private final CsFile f;
  private final CsCalls calls;

  CsWebRequests(CsFile f, CsCalls calls) {
    this.f = f;
    this.calls = calls;
  }

  /** The integration of a sending call of a web request or a WebClient; null for other calls. */
  Integration analyse(CsNode call, String method, CsNode receiver) {
    if (!platformTypes()) return null;
    if (SENDS.contains(method)) {
      CsNode created = f.origin(receiver);
      if (created != null && created.is("parameter")) {
        String type = CsFile.typeName(created.field("type"));
        return FACTORIES.contains(type) && first(call, receiver, created)
            ? passedIn(call, created)
            : null;
      }
      if (!isCreate(created) || !first(call, receiver, created)) return null;
      return webRequest(call, method, receiver, created);
    }
    String verb = method.replaceFirst("(Task)?Async$", "");
    if (WEB_CLIENT_VERBS.contains(verb)) {
      CsNode created = f.origin(receiver);
      if (!"WebClient".equals(CsFile.created(created))) return null;
      return webClient(call, method, created);
    }
    return null;
  }

  private Boolean platformTypes;

  /**
   * Whether the names WebRequest, HttpWebRequest and WebClient can be System.Net's here: the file
   * uses System.Net and declares no type of those names itself (a wrapper class named WebClient is
   * common).
   */
  private boolean platformTypes() {
    if (platformTypes == null) {
      boolean own = false;
      for (String kind : List.of("class_declaration", "interface_declaration")) {
        for (CsNode d : f.root.all(kind)) {
          CsNode name = d.field("name");
          if (name != null && (FACTORIES.contains(name.text()) || name.text().equals("WebClient")))
            own = true;
        }
      }
      platformTypes = !own && f.uses("System.Net");
    }
    return platformTypes;
  }

  private static boolean isCreate(CsNode n) {
    if (n == null || !n.is("invocation_expression")) return false;
    CsNode owner = CsFile.receiver(n);
    String ownerName = owner == null ? null : owner.text();
    if (ownerName != null && ownerName.contains("."))
      ownerName = ownerName.substring(ownerName.lastIndexOf('.') + 1);
    return CREATES.contains(CsFile.method(n)) && FACTORIES.contains(ownerName);
  }

  /**
   * Whether no earlier call in the same member sends the same request (written the same and made by
   * the same creation: branches often reuse a variable name for requests of their own).
   */
  private boolean first(CsNode call, CsNode receiver, CsNode created) {
    CsNode scope = call.member() != null ? call.member() : f.root;
    for (CsNode c : scope.all("invocation_expression")) {
      if (c.start >= call.start) break;
      CsNode r = CsFile.receiver(c);
      if (r != null
          && r.text().equals(receiver.text())
          && SENDS.contains(CsFile.method(c))
          && f.origin(r) == created) return false;
    }
    return true;
  }

  private Integration integration(CsNode call, String client, Location clientAt) {
    CsNode fn = call.field("function");
    CsNode name =
        fn.is("member_access_expression") && fn.field("name") != null ? fn.field("name") : fn;
    Integration i =
        new Integration(
            f.file, CsFile.enclosing(call), Integration.Kind.HTTP, client, "csharp", f.at(name));
    i.clientLocation = clientAt;
    return i;
  }

  private Integration webRequest(CsNode call, String method, CsNode receiver, CsNode create) {
    Integration i = integration(call, "HttpWebRequest", f.at(create));
    i.target = calls.target(create);
    CsNode timeout = null;
    CsNode readWrite = null;
    CsNode scope = call.member() != null ? call.member() : f.root;
    for (CsNode a : scope.all("assignment_expression")) {
      if (a.start > call.start) break;
      CsNode left = a.field("left");
      if (left == null || !left.is("member_access_expression") || left.field("name") == null)
        continue;
      CsNode owner = left.field("expression");
      if (owner == null || !owner.text().equals(receiver.text())) continue;
      if (left.field("name").text().equals("Timeout")) timeout = a;
      if (left.field("name").text().equals("ReadWriteTimeout")) readWrite = a;
    }
    i.timeout = timeout(timeout, readWrite, !method.startsWith("Get") || method.endsWith("Async"));
    return i;
  }

  /** The request's timeout as set (or its default), for a synchronous or asynchronous call. */
  private Value<String> timeout(CsNode timeout, CsNode readWrite, boolean async) {
    String streams =
        readWrite == null
            ? ""
            : "; ReadWriteTimeout " + millis(readWrite.field("right")) + " (streams)";
    if (timeout != null && infinite(timeout.field("right")))
      return CsCalls.none(
          "the request's Timeout is Timeout.Infinite, so it can wait forever",
          List.of(f.at(timeout)));
    if (async) return Value.unresolved(ASYNC, timeout == null ? List.of() : List.of(f.at(timeout)));
    if (timeout == null && readWrite == null)
      return Value.defaulted(DEFAULT, "WebRequest's default Timeout of 100 seconds applies");
    if (timeout == null)
      return Value.defaulted(
              "100000 ms (WebRequest default Timeout)" + streams,
              "WebRequest's default Timeout of 100 seconds applies")
          .withTrace(List.of(f.at(readWrite)));
    List<Location> trace = new ArrayList<>(List.of(f.at(timeout)));
    if (readWrite != null) trace.add(f.at(readWrite));
    return Value.explicit(
        millis(timeout.field("right")) + " (WebRequest.Timeout)" + streams, trace);
  }

  /** A request given as a parameter: its Timeout is set where it is created. */
  private Integration passedIn(CsNode call, CsNode parameter) {
    Integration i = integration(call, "HttpWebRequest", null);
    i.timeout =
        Value.unresolved(
            "the request comes from the parameter "
                + (parameter.field("name") == null ? "" : parameter.field("name").text())
                + ", whose Timeout is set by the caller",
            List.of(f.at(parameter)));
    return i;
  }

  /**
   * WebClient has no timeout of its own: each request it makes is a WebRequest with the default
   * Timeout (a subclass overriding GetWebRequest is another type and not recognised here).
   */
  private Integration webClient(CsNode call, String method, CsNode created) {
    Integration i = integration(call, "WebClient", f.at(created));
    i.target = calls.target(call);
    if (method.endsWith("Async")) {
      i.timeout = Value.unresolved(ASYNC, List.of());
    } else {
      i.timeout =
          Value.defaulted(
              DEFAULT,
              "WebClient sets no timeout: the WebRequest it makes keeps the default Timeout of 100"
                  + " seconds");
    }
    return i;
  }

  /** {@code Timeout.Infinite} (also qualified) or -1. */
  private static boolean infinite(CsNode n) {
    if (n == null) return false;
    String t = n.text().replace(" ", "");
    return t.equals("-1") || t.equals("Timeout.Infinite") || t.endsWith(".Timeout.Infinite");
  }

  private static String millis(CsNode n) {
    return n != null && n.is("integer_literal")
        ? n.text() + " ms"
        : "set from " + CsFile.shorten(n == null ? "" : n.text());
  }
}
