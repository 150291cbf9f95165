package dev.relplan.code.javascript;

import dev.relplan.code.ClientApps;
import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.parse.javascript.JsFile;
import dev.relplan.parse.javascript.JsNode;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Outbound calls of axios, fetch, node-fetch, got, Node.js's http and https modules ({@link
 * NodeHttpCalls}), the AWS SDK for JavaScript v2 and v3, pg and ioredis, and the timeout and
 * retries that apply to each. Defaults are documented in docs/client-defaults.md.
 */
final class JsCalls {
  private static final Set<String> VERBS =
      Set.of("get", "post", "put", "delete", "patch", "head", "options", "request");

  /** Verbs whose config is the third argument (after url and data). */
  private static final Set<String> WITH_DATA =
      Set.of("post", "put", "patch", "postForm", "putForm", "patchForm");

  private static final Set<String> AWS_V2_NOT_CALLS =
      Set.of(
          "on",
          "promise",
          "config",
          "makeRequest",
          "makeUnauthenticatedRequest",
          "setupRequestListeners",
          "getSignedUrl",
          "getSignedUrlPromise",
          "createPresignedPost",
          "waitFor",
          "defineService");

  /** Parts of AWS SDK v2 class names that are helpers, not service clients. */
  private static final List<String> NOT_SERVICES =
      List.of(
          "Credentials",
          "Endpoint",
          "Config",
          "Http",
          "Signer",
          "EventListeners",
          "Request",
          "Response",
          "Token");

  /** Node.js fetch: 300 s for the response headers, then 300 s between body chunks. */
  private static final double FETCH_DEFAULT_SECONDS = 600;

  /** The AWS SDK for JavaScript v2's socket timeout, 120 s. */
  private static final double AWS_V2_DEFAULT_SECONDS = 120;

  private final JsFile f;
  private final NodeHttpCalls nodeHttp;
  private final JsWaits waits;
  private final JsExports exports;

  /** Clients made in another module, with the module that makes each. */
  private final Map<JsNode, JsFile> imported = new IdentityHashMap<>();

  JsCalls(JsFile f) {
    this(f, JsExports.NONE);
  }

  JsCalls(JsFile f, JsExports exports) {
    this.f = f;
    this.nodeHttp = new NodeHttpCalls(f, this);
    this.waits = new JsWaits(f);
    this.exports = exports;
  }

  /** The module a client's construction belongs to: this one, or the one it is imported from. */
  private JsFile home(JsNode created) {
    return created == null ? f : imported.getOrDefault(created, f);
  }

  /**
   * {@code api.get(...)} through an axios instance another module of the project exports; null when
   * the receiver is not one.
   */
  private Integration importedAxios(JsNode call, JsNode receiver, String method) {
    if (!VERBS.contains(method) && !WITH_DATA.contains(method)) return null;
    JsExports.Exported e = exports.resolve(f, f.qualify(receiver));
    if (e == null) return null;
    imported.put(e.created(), e.file());
    return axios(call, method, e.created());
  }

  Integration analyse(JsNode call) {
    JsNode fn = call.field("function");
    if (fn == null) return null;
    fn = fn.unwrap();
    String q = f.qualify(fn);
    if (q != null) {
      String verb = q.contains(".") ? q.substring(q.lastIndexOf('.') + 1) : "";
      if (q.equals("fetch")) return fetch(call, false);
      if (q.equals("node-fetch")) return fetch(call, true);
      if (q.equals("axios")) return axios(call, null, null);
      if (q.equals("axios." + verb) && (VERBS.contains(verb) || WITH_DATA.contains(verb)))
        return axios(call, verb, null);
      if (q.equals("got")) return got(call, null, null);
      if (q.equals("got." + verb) && VERBS.contains(verb)) return got(call, verb, null);
      String nodeRequest = NodeHttpCalls.function(q);
      if (nodeRequest != null) return nodeHttp.request(call, nodeRequest);
    }
    if (fn.is("identifier")) {
      // an axios instance or a got instance called directly: api({ url }) / client('path')
      JsNode origin = f.origin(fn);
      String made =
          origin == null
              ? null
              : f.qualify(origin.field(origin.is("new_expression") ? "constructor" : "function"));
      if ("axios.create".equals(made)) return axios(call, null, origin);
      if ("got.extend".equals(made)) return got(call, null, origin);
      return null;
    }
    if (!fn.is("member_expression") || fn.field("object") == null || fn.field("property") == null)
      return null;
    String method = fn.field("property").text();
    JsNode origin = f.origin(fn.field("object"));
    if (origin == null) return importedAxios(call, fn.field("object"), method);
    if (origin.is("call_expression")) {
      String made = f.qualify(origin.field("function"));
      if ("axios.create".equals(made))
        return VERBS.contains(method) || WITH_DATA.contains(method)
            ? axios(call, method, origin)
            : null;
      if ("got.extend".equals(made))
        return VERBS.contains(method) ? got(call, method, origin) : null;
      if (made != null && made.startsWith("@aws-sdk/lib-dynamodb.") && made.endsWith(".from")) {
        List<JsNode> args = JsFile.arguments(origin);
        JsNode base = args.isEmpty() ? null : f.origin(args.get(0));
        if (base == null || !base.is("new_expression")) return null;
        boolean commandsOnly = made.endsWith("Client.from");
        return commandsOnly && !method.equals("send") || method.equals("destroy")
            ? null
            : awsV3(call, method, origin, base, "dynamodb");
      }
      return null;
    }
    String made = f.qualify(origin.field("constructor"));
    if (made == null) return null;
    if (made.startsWith("@aws-sdk/client-")) {
      String pkg = made.substring("@aws-sdk/client-".length());
      String service = pkg.contains(".") ? pkg.substring(0, pkg.indexOf('.')) : pkg;
      boolean commandsOnly = made.endsWith("Client");
      if (made.endsWith("Command") || made.endsWith("Exception"))
        return null; // a command or error object, not a client
      if (commandsOnly && !method.equals("send")
          || method.equals("destroy")
          || method.equals("middlewareStack")) return null;
      return awsV3(call, method, origin, origin, service);
    }
    if (made.equals("aws-sdk")
        || made.startsWith("aws-sdk.")
        || made.startsWith("aws-sdk/clients/")) {
      if (AWS_V2_NOT_CALLS.contains(method) || method.startsWith("_")) return null;
      String service =
          made.startsWith("aws-sdk/clients/")
              ? made.substring("aws-sdk/clients/".length())
              : made.substring(Math.min(made.length(), 8));
      if (service.isEmpty()
          || !Character.isUpperCase(service.charAt(0)) && !made.startsWith("aws-sdk/clients/")
          || NOT_SERVICES.stream().anyMatch(service::contains)
          || service.equals("Service")
          || service.equals("MetadataService")) {
        return null; // AWS.config, credentials, endpoints, signers and other helpers are not
        // service clients
      }
      return awsV2(call, method, origin, service);
    }
    return null;
  }

  /**
   * A database or cache client created here: a pg {@code Pool}/{@code Client} or an ioredis client.
   * Like a JDBC pool, the client is the integration (its settings bound every query made through
   * it).
   */
  Integration creation(JsNode created) {
    String made = f.qualify(created.field("constructor"));
    if (made == null) return null;
    if (made.equals("pg.Pool") || made.equals("pg.Client")) return pg(created, made.substring(3));
    if (made.equals("ioredis") || made.equals("ioredis.Redis") || made.equals("ioredis.Cluster"))
      return ioredis(created);
    return null;
  }

  Integration integration(JsNode call, Integration.Kind kind, String client, JsNode origin) {
    JsNode fn = call.field("function").unwrap();
    JsNode name =
        fn.is("member_expression") && fn.field("property") != null ? fn.field("property") : fn;
    Integration i =
        new Integration(f.file, f.enclosingName(call), kind, client, f.language, f.at(name));
    i.clientLocation = origin == null ? null : home(origin).at(origin);
    return i;
  }

  // ---- axios: timeout 0 (none) by default; per-request config, then the instance's, then
  // <x>.defaults.timeout.

  private Integration axios(JsNode call, String verb, JsNode instance) {
    Integration i = integration(call, Integration.Kind.HTTP, "axios", instance);
    List<JsNode> args = JsFile.arguments(call);
    JsNode config;
    JsNode url;
    if (verb == null) {
      // axios(config) or axios(url, config); a first argument that is neither (a parameter) is
      // taken as config, which cannot be read
      boolean urlFirst = !args.isEmpty() && isUrl(args.get(0));
      url = urlFirst ? args.get(0) : null;
      config =
          urlFirst ? (args.size() > 1 ? args.get(1) : null) : (args.isEmpty() ? null : args.get(0));
    } else if (verb.equals("request")) {
      url = null;
      config = args.isEmpty() ? null : args.get(0);
    } else {
      url = args.isEmpty() ? null : args.get(0);
      int at = WITH_DATA.contains(verb) ? 2 : 1;
      config = args.size() > at ? args.get(at) : null;
    }
    JsFile.Options onCall = f.options(config);
    JsFile.Options onInstance = instanceOptions(instance);
    i.target =
        target(
            url != null
                ? url
                : onCall.get("url") != null ? onCall.get("url") : onInstance.get("baseURL"));
    if (!i.target.present() && url != null && onInstance.get("baseURL") != null)
      i.target = target(onInstance.get("baseURL"));
    Value<String> timeout = timeoutOption(onCall, "timeout", "axios: timeout 0 means no timeout");
    Value<String> signal = timeout == null ? signal(onCall.get("signal")) : null;
    if (signal != null && signal.isExplicit()) timeout = signal;
    if (timeout == null) timeout = instanceTimeout(instance, onInstance);
    if (timeout == null) timeout = defaultsAssignment(call, instance);
    if ((timeout == null || !timeout.present()) && signal != null)
      timeout = signal; // a signal that cannot be followed may abort it
    if (timeout == null) {
      List<JsNode> unknown = new ArrayList<>(onCall.unknown);
      unknown.addAll(onInstance.unknown);
      timeout =
          unknown.isEmpty()
              ? none(
                  "axios's default timeout is 0: without a timeout the request can wait forever",
                  List.of())
              : unresolved(
                  "the request config comes from "
                      + shorten(unknown.get(0).text())
                      + ", which may set the timeout",
                  call);
    }
    i.timeout = timeout;
    i.attemptSeconds = JsWaits.attempt(timeout, 0, false);
    i.attempts = JsWaits.once("axios does not retry unless axios-retry is attached");
    method(i, call, verb, onCall, "GET");
    return i;
  }

  /** The timeout of an axios instance's config, located in the module that creates it. */
  private Value<String> instanceTimeout(JsNode instance, JsFile.Options onInstance) {
    JsFile home = home(instance);
    if (home == f) return timeoutOption(onInstance, "timeout", "axios: timeout 0 means no timeout");
    synchronized (home) {
      return new JsCalls(home)
          .timeoutOption(onInstance, "timeout", "axios: timeout 0 means no timeout");
    }
  }

  /** The config an axios instance was created with, read in the module that creates it. */
  private JsFile.Options instanceOptions(JsNode instance) {
    if (instance == null) return new JsFile.Options();
    JsFile home = home(instance);
    JsNode config = JsFile.arguments(instance).isEmpty() ? null : JsFile.arguments(instance).get(0);
    synchronized (home) { // another module's tree may be read by several files' scans at once
      return home.options(config);
    }
  }

  /**
   * The request's method (the verb called, else a literal {@code method} option, else the library's
   * default when the options are all known; unresolved otherwise), and whether the call names an
   * idempotency key.
   */
  private void method(
      Integration i, JsNode call, String verb, JsFile.Options options, String libraryDefault) {
    i.idempotencyKey = Integration.namesIdempotencyKey(call.text());
    JsNode method = options.get("method");
    if (verb != null && !verb.equals("request")) {
      i.httpMethod = Value.explicit(verb.replace("Form", "").toUpperCase(), List.of(f.at(call)));
    } else if (method != null) {
      JsNode literal =
          method.is("shorthand_property_identifier") ? f.binding(method.text(), method) : method;
      String name = literal == null ? null : literal.unwrap().stringValue();
      i.httpMethod =
          name != null && !name.isEmpty()
              ? Value.explicit(name.toUpperCase(Locale.ROOT), List.of(f.at(method)))
              : Value.unresolved(
                  "the method is set from " + shorten(method.text()), List.of(f.at(method)));
    } else if (!options.complete()) {
      i.httpMethod =
          Value.unresolved(
              "the request options come from " + shorten(options.unknown.get(0).text()),
              List.of(f.at(call)));
    } else {
      i.httpMethod = Value.defaulted(libraryDefault, "the library's default method");
    }
  }

  /**
   * A string expression: a literal, a template, a concatenation, a name bound to one, or a
   * TypeScript parameter typed string or URL.
   */
  boolean isUrl(JsNode arg) {
    JsNode a = arg.unwrap();
    if (a.is("string") || a.is("template_string") || a.is("binary_expression")) return true;
    if (!a.is("identifier")) return false;
    JsNode bound = f.binding(a.text(), a);
    if (bound != null)
      return bound.unwrap().is("string")
          || bound.unwrap().is("template_string")
          || bound.unwrap().is("binary_expression");
    for (JsNode fn = a.function(); fn != null; fn = fn.function()) {
      JsNode params = fn.field("parameters");
      if (params == null) continue;
      for (JsNode p : params.children) {
        JsNode pattern = p.field("pattern");
        JsNode type = p.field("type");
        if (pattern != null && pattern.text().equals(a.text()) && type != null) {
          String t = type.text().replaceAll("[:\\s]", "");
          return t.equals("string") || t.equals("URL");
        }
      }
    }
    return false;
  }

  /**
   * {@code api.defaults.timeout = 5000} on the receiver of the call, or {@code
   * axios.defaults.timeout = 5000}: the global defaults apply to direct calls and are copied into
   * instances that axios.create makes.
   */
  private Value<String> defaultsAssignment(JsNode call, JsNode instance) {
    JsNode fn = call.field("function").unwrap();
    String receiver =
        fn.is("member_expression") && fn.field("object") != null
            ? fn.field("object").text()
            : instance == null ? null : fn.text();
    for (JsNode a : defaultsTimeouts()) {
      JsNode owner = a.field("left").field("object").field("object");
      if (owner != null && (owner.text().equals(receiver) || "axios".equals(f.qualify(owner)))) {
        return millis(a.field("right"), "axios: timeout 0 means no timeout");
      }
    }
    return null;
  }

  // Found once per file: looking for them among every assignment or call of the file for each
  // call made large files quadratic.
  private List<JsNode> defaultsTimeouts;
  private List<JsNode> timers;

  /** The {@code x.defaults.timeout = value} assignments of the file, in source order. */
  private List<JsNode> defaultsTimeouts() {
    if (defaultsTimeouts != null) return defaultsTimeouts;
    defaultsTimeouts = new ArrayList<>();
    for (JsNode a : f.assignments()) {
      JsNode left = a.field("left");
      if (left == null
          || a.field("right") == null
          || !left.is("member_expression")
          || left.field("property") == null
          || !left.field("property").text().equals("timeout")) continue;
      JsNode defaults = left.field("object");
      if (defaults == null
          || !defaults.is("member_expression")
          || defaults.field("property") == null
          || !defaults.field("property").text().equals("defaults")) continue;
      defaultsTimeouts.add(a);
    }
    return defaultsTimeouts;
  }

  /** The {@code setTimeout(fn, delay)} calls of the file, in source order. */
  private List<JsNode> timers() {
    if (timers != null) return timers;
    timers = new ArrayList<>();
    for (JsNode c : f.calls()) {
      if ("setTimeout".equals(f.qualify(c.field("function"))) && JsFile.arguments(c).size() >= 2)
        timers.add(c);
    }
    return timers;
  }

  // ---- fetch: Node.js's built-in fetch (undici) bounds headers and body at 300 s each; node-fetch
  // has no default.

  private Integration fetch(JsNode call, boolean nodeFetch) {
    Integration i =
        integration(call, Integration.Kind.HTTP, nodeFetch ? "node-fetch" : "fetch", null);
    List<JsNode> args = JsFile.arguments(call);
    i.target = target(args.isEmpty() ? null : args.get(0));
    JsFile.Options init = f.options(args.size() > 1 ? args.get(1) : null);
    Value<String> timeout = signal(init.get("signal"));
    if ((timeout == null || !timeout.isExplicit()) && nodeFetch && init.get("timeout") != null) {
      timeout = timeoutOption(init, "timeout", "node-fetch: timeout 0 disables it");
    }
    if (timeout == null && !init.complete()) {
      timeout =
          unresolved(
              "the request options come from "
                  + shorten(init.unknown.get(0).text())
                  + ", which may carry an abort signal",
              call);
    }
    if (timeout == null) {
      timeout =
          nodeFetch
              ? none(
                  "node-fetch has no default timeout: without an abort signal the request can wait forever",
                  List.of())
              : ClientApps.isBrowserAsset(f.file)
                  ? none(
                      "a browser's fetch has no timeout of its own (the Fetch standard sets none): without an abort signal the page waits as long as the connection stays open",
                      List.of())
                  : Value.defaulted(
                      "headers 300 s, body 300 s (Node.js fetch defaults)",
                      "Node.js's built-in fetch (undici) aborts after 300 s without response headers or body data");
    }
    i.timeout = timeout;
    i.attemptSeconds = JsWaits.attempt(timeout, FETCH_DEFAULT_SECONDS, false);
    i.attempts = JsWaits.once(i.client + " does not retry: a failed request rejects to its caller");
    method(i, call, null, init, "GET");
    if (!args.isEmpty() && !isUrl(args.get(0)) && init.get("method") == null)
      i.httpMethod =
          Value.unresolved(
              "the first argument ("
                  + shorten(args.get(0).text())
                  + ") is not known to be a URL: a Request object carries its own method",
              List.of(f.at(args.get(0))));
    return i;
  }

  /**
   * An abort signal that fires on a timer: AbortSignal.timeout(ms), AbortSignal.any([...]) of one,
   * an AbortController aborted in setTimeout.
   */
  Value<String> signal(JsNode signal) {
    if (signal == null) return null;
    JsNode expr =
        signal.is("shorthand_property_identifier") ? f.binding(signal.text(), signal) : signal;
    JsNode origin = expr == null ? null : f.origin(expr);
    if (origin != null && origin.is("call_expression")) {
      String q = f.qualify(origin.field("function"));
      List<JsNode> args = JsFile.arguments(origin);
      if ("AbortSignal.timeout".equals(q) && !args.isEmpty()) {
        return Value.explicit(
            "AbortSignal.timeout(" + msText(args.get(0)) + ")", List.of(f.at(origin)));
      }
      if ("AbortSignal.any".equals(q) && !args.isEmpty() && args.get(0).is("array")) {
        for (JsNode e : args.get(0).children) {
          Value<String> inner = signal(e);
          if (inner != null && inner.isExplicit()) return inner;
        }
      }
    }
    if (expr != null
        && expr.unwrap().is("member_expression")
        && expr.unwrap().field("property") != null
        && expr.unwrap().field("property").text().equals("signal")) {
      JsNode controllerExpr = expr.unwrap().field("object");
      JsNode controller = f.origin(controllerExpr);
      if (controller != null
          && controller.is("new_expression")
          && "AbortController".equals(f.qualify(controller.field("constructor")))) {
        for (JsNode c : timers()) {
          List<JsNode> args = JsFile.arguments(c);
          for (JsNode abort : args.get(0).all("call_expression")) {
            JsNode afn = abort.field("function");
            if (afn != null
                && afn.is("member_expression")
                && afn.field("property") != null
                && afn.field("property").text().equals("abort")
                && afn.field("object") != null
                && f.origin(afn.field("object")) == controller) {
              return Value.explicit(
                  "AbortController aborted by setTimeout after " + msText(args.get(1)),
                  List.of(f.at(c)));
            }
          }
        }
      }
    }
    return unresolved(
        "the request's abort signal (" + shorten(signal.text()) + ") cannot be followed to a timer",
        signal);
  }

  // ---- got: no timeout unless `timeout` is set; 2 retries by default for idempotent methods.

  private Integration got(JsNode call, String verb, JsNode instance) {
    Integration i = integration(call, Integration.Kind.HTTP, "got", instance);
    List<JsNode> args = JsFile.arguments(call);
    boolean optionsFirst = !args.isEmpty() && f.object(args.get(0)) != null;
    JsNode url = optionsFirst ? null : args.isEmpty() ? null : args.get(0);
    JsFile.Options onCall =
        f.options(optionsFirst ? args.get(0) : args.size() > 1 ? args.get(1) : null);
    JsFile.Options onInstance = instanceOptions(instance);
    i.target =
        target(
            url != null
                ? url
                : onCall.get("url") != null ? onCall.get("url") : onInstance.get("prefixUrl"));
    if (!i.target.present() && onInstance.get("prefixUrl") != null)
      i.target = target(onInstance.get("prefixUrl"));
    Value<String> timeout = gotTimeout(onCall);
    Value<String> signal = timeout == null ? signal(onCall.get("signal")) : null;
    if (signal != null && signal.isExplicit()) timeout = signal;
    if (timeout == null) timeout = gotTimeout(onInstance);
    if ((timeout == null || !timeout.present()) && signal != null) timeout = signal;
    if (timeout == null) {
      List<JsNode> unknown = new ArrayList<>(onCall.unknown);
      unknown.addAll(onInstance.unknown);
      timeout =
          unknown.isEmpty()
              ? none(
                  "got has no timeout by default: without timeout the request can wait forever",
                  List.of())
              : unresolved(
                  "the options come from "
                      + shorten(unknown.get(0).text())
                      + ", which may set the timeout",
                  call);
    }
    i.timeout = timeout;
    JsNode retry = onCall.get("retry") != null ? onCall.get("retry") : onInstance.get("retry");
    method(i, call, verb, onCall, "GET");
    i.attemptSeconds = JsWaits.attempt(timeout, 0, true);
    i.attempts =
        waits.gotAttempts(
            retry, i.httpMethod.present() ? i.httpMethod.get().toLowerCase(Locale.ROOT) : null);
    if (retry != null) {
      i.retry = Value.explicit("retry: " + shorten(retry.text()), List.of(f.at(retry)));
    } else {
      i.retry =
          Value.defaulted(
              "got default: 2 retries (GET, PUT, HEAD, DELETE, OPTIONS, TRACE)",
              "got retries idempotent methods twice by default");
    }
    return i;
  }

  private Value<String> gotTimeout(JsFile.Options options) {
    JsNode timeout = options.get("timeout");
    if (timeout == null) return null;
    JsFile.Options phases = f.options(timeout);
    if (phases.values.isEmpty() && f.number(timeout) != null)
      return millis(timeout, "got: timeout 0 disables it");
    if (phases.values.isEmpty())
      return unresolved("got's timeout is set from " + shorten(timeout.text()), timeout);
    StringBuilder sb = new StringBuilder();
    phases.values.forEach(
        (k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(" ").append(msText(v)));
    boolean bounded =
        phases.get("request") != null
            || phases.get("response") != null
            || phases.get("socket") != null;
    if (!bounded && phases.complete()) {
      return none(
          "got's timeout sets only "
              + sb
              + ": without request, response or socket the response can still wait forever",
          List.of(f.at(timeout)));
    }
    return Value.explicit(sb.toString(), List.of(f.at(timeout)));
  }

  // ---- AWS SDK for JavaScript v3: NodeHttpHandler requestTimeout/connectionTimeout default to 0
  // (none); maxAttempts 3.

  private Integration awsV3(
      JsNode call, String method, JsNode client, JsNode constructed, String service) {
    Integration i =
        integration(call, Integration.Kind.AWS_SDK, "AWS SDK for JavaScript v3", client);
    String operation = method;
    List<JsNode> args = JsFile.arguments(call);
    if (method.equals("send") && !args.isEmpty()) {
      JsNode command = f.origin(args.get(0));
      JsNode ctor =
          command != null && command.is("new_expression") ? command.field("constructor") : null;
      if (ctor != null) operation = ctor.text().replaceAll("Command$", "");
    }
    i.target = Value.explicit("AWS " + service + " " + operation, List.of());
    List<JsNode> ctorArgs = JsFile.arguments(constructed);
    JsFile.Options config = f.options(ctorArgs.isEmpty() ? null : ctorArgs.get(0));
    if (!config.complete()) {
      String why = "the client configuration comes from " + shorten(config.unknown.get(0).text());
      i.timeout = unresolved(why + ", which may set the request handler's timeouts", constructed);
      i.retry = Value.unresolved(why, List.of(f.at(constructed)));
      i.attemptSeconds = JsWaits.attempt(i.timeout, 0, false);
      i.attempts = Value.unresolved(why, List.of(f.at(constructed)));
      return i;
    }
    i.timeout = requestHandlerTimeout(config.get("requestHandler"));
    JsNode attempts = config.get("maxAttempts");
    JsNode strategy = config.get("retryStrategy");
    i.attemptSeconds = JsWaits.attempt(i.timeout, 0, false);
    i.attempts = waits.awsV3Attempts(attempts, strategy);
    if (attempts != null) {
      JsNode n = f.number(attempts);
      boolean disabled =
          n != null && n.is("number") && (n.text().equals("0") || n.text().equals("1"));
      if (disabled) i.retriesDisabled = Value.explicit(true, List.of(f.at(attempts)));
      i.retry =
          Value.explicit(
              (disabled ? "disabled: " : "") + "maxAttempts: " + shorten(attempts.text()),
              List.of(f.at(attempts)));
    } else if (strategy != null) {
      i.retry =
          Value.explicit("retryStrategy: " + shorten(strategy.text()), List.of(f.at(strategy)));
    } else {
      i.retry =
          Value.defaulted(
              "SDK default: 3 attempts (standard retry mode)",
              "the AWS SDK retries throttling and transient errors by default");
    }
    return i;
  }

  private Value<String> requestHandlerTimeout(JsNode handler) {
    if (handler == null) {
      return none(
          "the AWS SDK for JavaScript v3's NodeHttpHandler has no request or connection timeout by default (requestTimeout 0)",
          List.of());
    }
    JsNode options = null;
    JsNode origin = f.origin(handler);
    if (origin != null) {
      String q = f.qualify(origin.field(origin.is("new_expression") ? "constructor" : "function"));
      List<JsNode> args = JsFile.arguments(origin);
      if (q != null && (q.endsWith("NodeHttpHandler") || q.endsWith("NodeHttpHandler.create")))
        options = args.isEmpty() ? null : args.get(0);
      else
        return unresolved(
            "the request handler "
                + shorten(handler.text())
                + " is not a NodeHttpHandler the scanner can read",
            handler);
    } else {
      options = handler;
    }
    JsFile.Options o = f.options(options);
    JsNode request = o.get("requestTimeout");
    JsNode socket = o.get("socketTimeout");
    JsNode connection = o.get("connectionTimeout");
    JsNode throwing = o.get("throwOnRequestTimeout");
    String connect = connection != null ? ", connection " + msText(connection) : "";
    Value<String> onSocket = socket == null ? null : millis(socket, "socketTimeout 0 disables it");
    if (onSocket != null && onSocket.present()) {
      // socket.setTimeout: the request fails once the socket has been idle that long
      return Value.explicit(
          "socket idle "
              + onSocket.get()
              + (request != null ? ", request " + msText(request) : "")
              + connect,
          onSocket.trace());
    }
    if (request != null) {
      Value<String> v = millis(request, "requestTimeout 0 disables the timeout");
      if (!v.present()) return v;
      if (throwing != null && throwing.text().equals("true")) {
        return Value.explicit(
            "request " + v.get() + " (throwOnRequestTimeout)" + connect,
            List.of(f.at(request), f.at(throwing)));
      }
      return unresolved(
          "requestTimeout "
              + v.get()
              + " without throwOnRequestTimeout: true — current @smithy/node-http-handler versions only "
              + "log a warning when it is exceeded and keep waiting, while earlier ones aborted the request; which applies depends on the "
              + "installed version",
          request);
    }
    if (!o.complete())
      return unresolved(
          "the request handler options come from " + shorten(o.unknown.get(0).text()), handler);
    if (connection != null) {
      return none(
          "only connectionTimeout ("
              + msText(connection)
              + ") is set: it bounds connecting, and requestTimeout defaults to 0 (none)",
          List.of(f.at(connection)));
    }
    return none(
        "the request handler sets none of requestTimeout, socketTimeout and connectionTimeout (all default to 0: none)",
        List.of(f.at(handler)));
  }

  // ---- AWS SDK for JavaScript v2: httpOptions.timeout 120 s by default; maxRetries 3 (DynamoDB
  // 10).

  private Integration awsV2(JsNode call, String method, JsNode client, String service) {
    Integration i =
        integration(call, Integration.Kind.AWS_SDK, "AWS SDK for JavaScript v2", client);
    i.target = Value.explicit("AWS " + service + " " + method, List.of());
    List<JsNode> args = JsFile.arguments(client);
    JsFile.Options config = f.options(args.isEmpty() ? null : args.get(0));
    JsFile.Options http =
        config.get("httpOptions") == null
            ? new JsFile.Options()
            : f.options(config.get("httpOptions"));
    JsNode timeout = http.get("timeout");
    if (timeout != null) {
      i.timeout = millis(timeout, "httpOptions.timeout 0 disables the socket timeout");
    } else if (!config.complete() || !http.complete()) {
      i.timeout =
          unresolved(
              "the client configuration comes from "
                  + shorten((config.complete() ? http : config).unknown.get(0).text()),
              client);
    } else {
      i.timeout =
          Value.defaulted(
              "120 s socket timeout (AWS SDK v2 default httpOptions.timeout)",
              "the AWS SDK v2's default socket timeout applies");
    }
    JsNode retries = config.get("maxRetries");
    i.attemptSeconds = JsWaits.attempt(i.timeout, AWS_V2_DEFAULT_SECONDS, false);
    i.attempts =
        retries == null && !config.complete()
            ? Value.unresolved(
                "the client configuration comes from " + shorten(config.unknown.get(0).text()),
                List.of(f.at(client)))
            : waits.awsV2Attempts(retries, service);
    if (retries != null) {
      JsNode n = f.number(retries);
      boolean disabled = n != null && n.text().equals("0");
      if (disabled) i.retriesDisabled = Value.explicit(true, List.of(f.at(retries)));
      i.retry =
          Value.explicit(
              (disabled ? "disabled: " : "") + "maxRetries: " + shorten(retries.text()),
              List.of(f.at(retries)));
    } else {
      i.retry =
          Value.defaulted(
              "SDK default: maxRetries 3 (DynamoDB 10)",
              "the AWS SDK v2 retries with exponential backoff by default");
    }
    return i;
  }

  // ---- pg: no query timeout by default; connectionTimeoutMillis 0 waits forever for a connection.

  private Integration pg(JsNode created, String kind) {
    Integration i =
        new Integration(
            f.file,
            f.enclosingName(created),
            Integration.Kind.DATABASE,
            "pg " + kind,
            f.language,
            f.at(created));
    i.clientLocation = f.at(created);
    List<JsNode> args = JsFile.arguments(created);
    JsFile.Options config = f.options(args.isEmpty() ? null : args.get(0));
    JsNode host = config.get("host");
    String hostName = host == null ? null : host.stringValue();
    i.target =
        hostName == null ? Value.absent() : Value.explicit("PostgreSQL " + hostName, List.of());
    JsNode query =
        config.get("query_timeout") != null
            ? config.get("query_timeout")
            : config.get("statement_timeout");
    JsNode connect = config.get("connectionTimeoutMillis");
    JsNode connectionString = config.get("connectionString");
    if (query == null && connectionString != null) {
      // pg passes the connection string's query parameters (e.g. ?statement_timeout=5000) into the
      // client config
      String url = literalPrefix(connectionString, 0);
      boolean literal =
          url != null
              && (connectionString.unwrap().is("string")
                  || f.binding(connectionString.text(), connectionString) != null
                      && f.binding(connectionString.text(), connectionString).is("string"));
      if (!literal) {
        i.timeout =
            unresolved(
                "the connection string comes from "
                    + shorten(connectionString.text())
                    + ", whose query parameters may set statement_timeout or query_timeout",
                created);
        return i;
      }
      for (String param :
          url.contains("?") ? url.substring(url.indexOf('?') + 1).split("&") : new String[0]) {
        if (param.startsWith("statement_timeout=") || param.startsWith("query_timeout=")) {
          i.timeout =
              Value.explicit(
                  param.replace("=", " ") + " ms (connection string)",
                  List.of(f.at(connectionString)));
          return i;
        }
      }
    }
    if (query != null) {
      Value<String> v = millis(query, "0 means no timeout");
      i.timeout =
          !v.present()
              ? v
              : Value.explicit(
                  (query == config.get("query_timeout") ? "query_timeout " : "statement_timeout ")
                      + v.get()
                      + (connect != null ? ", connectionTimeoutMillis " + msText(connect) : ""),
                  v.trace());
    } else if (!config.complete()) {
      i.timeout =
          unresolved(
              "the "
                  + kind
                  + " configuration comes from "
                  + shorten(config.unknown.get(0).text())
                  + ", which may set query_timeout or statement_timeout",
              created);
    } else {
      i.timeout =
          none(
              "pg sets no query_timeout or statement_timeout by default, so a query can wait forever"
                  + (connect == null
                      ? "; connectionTimeoutMillis defaults to 0, so getting a connection can too"
                      : ""),
              connect == null ? List.of() : List.of(f.at(connect)));
    }
    return i;
  }

  // ---- ioredis: connectTimeout 10 s, no commandTimeout by default.

  private Integration ioredis(JsNode created) {
    Integration i =
        new Integration(
            f.file,
            f.enclosingName(created),
            Integration.Kind.DATABASE,
            "ioredis",
            f.language,
            f.at(created));
    i.clientLocation = f.at(created);
    List<JsNode> args = JsFile.arguments(created);
    JsNode optionsArg = null;
    for (JsNode a : args) if (f.object(a) != null) optionsArg = a;
    JsFile.Options config = f.options(optionsArg);
    boolean unknownArgs =
        args.stream()
            .anyMatch(
                a ->
                    a.is("identifier")
                        && f.object(a) == null
                        && f.number(a) == null
                        && !isStringBound(a)
                        && !isArrayBound(a));
    JsNode host = config.get("host");
    String hostName =
        host != null ? host.stringValue() : args.isEmpty() ? null : literalPrefix(args.get(0), 0);
    i.target =
        hostName == null || hostName.isEmpty()
            ? Value.absent()
            : Value.explicit("Redis " + hostName, List.of());
    JsNode timeout = config.get("commandTimeout");
    if (timeout == null && config.get("redisOptions") != null) {
      JsFile.Options node = f.options(config.get("redisOptions")); // a Cluster's per-node options
      timeout = node.get("commandTimeout");
      if (timeout == null && !node.complete()) config.unknown.addAll(node.unknown);
    }
    if (timeout != null) {
      i.timeout = millis(timeout, "commandTimeout 0 means no timeout");
    } else if (unknownArgs || !config.complete()) {
      JsNode unknown = !config.complete() ? config.unknown.get(0) : args.get(args.size() - 1);
      i.timeout =
          unresolved(
              "the client options come from "
                  + shorten(unknown.text())
                  + ", which may set commandTimeout",
              created);
    } else {
      i.timeout =
          none(
              "ioredis sets no commandTimeout by default, so a command can wait forever (its 10 s connectTimeout bounds only connecting)",
              List.of());
    }
    return i;
  }

  private boolean isArrayBound(JsNode a) {
    JsNode b = f.binding(a.text(), a);
    return b != null && b.unwrap().is("array");
  }

  private boolean isStringBound(JsNode a) {
    JsNode b = f.binding(a.text(), a);
    return b != null && (b.is("string") || b.is("template_string"));
  }

  // ---- Helpers.

  private Value<String> timeoutOption(JsFile.Options options, String key, String zeroWhy) {
    JsNode v = options.get(key);
    return v == null ? null : millis(v, zeroWhy);
  }

  /** A duration in milliseconds: 0 (or a literal that evaluates to 0) is a known absence. */
  Value<String> millis(JsNode value, String zeroWhy) {
    JsNode n =
        value.is("shorthand_property_identifier")
            ? f.binding(value.text(), value)
            : f.number(value);
    if (n != null && n.is("number") && n.text().replace("_", "").matches("0+(\\.0*)?"))
      return none(zeroWhy, List.of(f.at(value)));
    return Value.explicit(msText(value), List.of(f.at(value)));
  }

  /**
   * 5000 → "5000 ms"; 5 * 1000 → "5000 ms"; a name bound to a number → its value; anything else as
   * written.
   */
  String msText(JsNode v) {
    JsNode n = v.is("shorthand_property_identifier") ? f.binding(v.text(), v) : f.number(v);
    Long value = n == null ? null : evaluate(n, 0);
    return value != null ? value + " ms" : "set from " + shorten(v.text());
  }

  private Long evaluate(JsNode n, int depth) {
    if (n == null || depth > 4) return null;
    n = n.unwrap();
    if (n.is("number")) {
      try {
        return (long) Double.parseDouble(n.text().replace("_", ""));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    if (n.is("identifier")) return evaluate(f.number(n), depth + 1);
    if (n.is("binary_expression") && n.children.size() == 2) {
      Long a = evaluate(n.children.get(0), depth + 1);
      Long b = evaluate(n.children.get(1), depth + 1);
      if (a == null || b == null) return null;
      String op =
          n.text()
              .substring(n.children.get(0).end - n.start, n.children.get(1).start - n.start)
              .trim();
      return switch (op) {
        case "*" -> a * b;
        case "+" -> a + b;
        default -> null;
      };
    }
    return null;
  }

  Value<String> target(JsNode url) {
    String text = literalPrefix(url, 0);
    if (text == null || !text.contains("://")) return Value.absent();
    try {
      java.net.URI u =
          java.net.URI.create(text.replace("{", "%7B").replace("}", "%7D").replace(" ", "%20"));
      if (u.getHost() != null)
        return Value.explicit(
            u.getScheme() + "://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : ""),
            List.of());
    } catch (IllegalArgumentException e) {
      // not a URL
    }
    return Value.absent();
  }

  /**
   * A string literal, the literal part of a template before its first substitution, or a literal +
   * something.
   */
  String literalPrefix(JsNode n, int depth) {
    if (n == null || depth > 6) return null;
    n = n.unwrap();
    if (n.is("string")) return n.stringValue();
    if (n.is("template_string")) {
      StringBuilder sb = new StringBuilder();
      for (JsNode c : n.children) {
        if (c.is("template_substitution")) break;
        if (c.is("string_fragment")) sb.append(c.text());
      }
      return sb.toString();
    }
    if (n.is("binary_expression") && !n.children.isEmpty())
      return literalPrefix(n.children.get(0), depth + 1);
    if (n.is("identifier")) return literalPrefix(f.binding(n.text(), n), depth + 1);
    if (n.is("shorthand_property_identifier"))
      return literalPrefix(f.binding(n.text(), n), depth + 1);
    return null;
  }

  Value<String> unresolved(String why, JsNode at) {
    return Value.unresolved(why, List.of(f.at(at)));
  }

  static Value<String> none(String why, List<Location> trace) {
    return Value.<String>defaulted(null, why).withTrace(trace);
  }

  static String shorten(String s) {
    s = s.replaceAll("\\s+", " ");
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }
}
