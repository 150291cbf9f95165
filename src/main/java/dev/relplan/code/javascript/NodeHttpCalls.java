package dev.relplan.code.javascript;

import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.parse.javascript.JsFile;
import dev.relplan.parse.javascript.JsNode;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Requests of Node.js's own {@code http} and {@code https} modules ({@code request} and {@code
 * get}, also imported as {@code node:http}). Node sets no timeout on a client request: the {@code
 * timeout} option and {@code req.setTimeout(ms)} only emit {@code 'timeout'} after that long of
 * socket inactivity, and the request keeps waiting unless a handler destroys it. So a request is
 * bounded by a timer plus a {@code 'timeout'} handler that destroys or aborts it, or by an abort
 * signal that fires on a timer. docs/client-defaults.md cites the Node.js documentation.
 */
final class NodeHttpCalls {
  private static final Set<String> CALLS =
      Set.of("http.request", "http.get", "https.request", "https.get");
  private static final Set<String> LISTENS = Set.of("on", "once", "addListener", "prependListener");
  private static final Set<String> ENDS = Set.of("destroy", "abort");

  private final JsFile f;
  private final JsCalls calls;

  NodeHttpCalls(JsFile f, JsCalls calls) {
    this.f = f;
    this.calls = calls;
  }

  /** {@code https.request} for {@code https.request} or {@code node:https.request}; else null. */
  static String function(String qualified) {
    if (qualified == null) return null;
    String q = qualified.startsWith("node:") ? qualified.substring(5) : qualified;
    return CALLS.contains(q) ? q : null;
  }

  /** The integration of a request call whose qualified function is one of {@link #CALLS}. */
  Integration request(JsNode call, String function) {
    String module = function.substring(0, function.indexOf('.'));
    Integration i = calls.integration(call, Integration.Kind.HTTP, "node:" + module, null);
    Arguments args = arguments(call);
    JsFile.Options options = f.options(args.options);
    assignedOptions(args.options, call, options);
    i.target = args.url != null ? calls.target(args.url) : hostOf(options, module);
    Request req = new Request(call);
    Value<String> signal = calls.signal(options.get("signal"));
    if (signal != null && signal.isExplicit()) {
      i.timeout = signal;
      return i;
    }
    Value<String> timer = timer(req, options.get("timeout"));
    if (timer == null && signal != null) {
      i.timeout = signal; // a signal that cannot be followed to a timer may abort it
      return i;
    }
    i.timeout = timer != null ? timer : untimed(req, options, args, call);
    return i;
  }

  /** The URL and the options of {@code (url[, options][, callback])} or {@code (options[, cb])}. */
  private record Arguments(JsNode url, JsNode options, boolean firstUnknown) {}

  private Arguments arguments(JsNode call) {
    List<JsNode> args = JsFile.arguments(call);
    if (args.isEmpty()) return new Arguments(null, null, false);
    JsNode first = args.get(0);
    // (url, options, callback), or (url, options) with options written as an object
    JsNode second =
        args.size() > 2 || args.size() == 2 && f.object(args.get(1)) != null ? args.get(1) : null;
    if (second != null && isFunction(second)) second = null;
    if (f.object(first) != null) return new Arguments(null, first, false);
    if (calls.isUrl(first) || isNewUrl(first) || second != null)
      return new Arguments(first, second, false);
    // a name the scanner cannot follow: a URL, or options that may carry a timeout
    return new Arguments(null, first, true);
  }

  /**
   * {@code opts.timeout = 2000} (or {@code signal}) written on the options' name before the call,
   * in the same function: read as if written in the object.
   */
  private void assignedOptions(JsNode options, JsNode call, JsFile.Options into) {
    if (options == null || !options.unwrap().is("identifier")) return;
    String name = options.unwrap().text();
    JsNode scope = call.function();
    for (JsNode a : f.assignments()) {
      JsNode left = a.field("left");
      if (a.start > call.start || a.function() != scope || left == null) continue;
      if (!left.is("member_expression") || left.field("property") == null) continue;
      JsNode object = left.field("object");
      String key = left.field("property").text();
      if (object != null
          && object.text().equals(name)
          && (key.equals("timeout") || key.equals("signal"))
          && a.field("right") != null) into.values.put(key, a.field("right"));
    }
  }

  private boolean isNewUrl(JsNode arg) {
    JsNode origin = f.origin(arg);
    return origin != null
        && origin.is("new_expression")
        && origin.field("constructor") != null
        && origin.field("constructor").text().equals("URL");
  }

  private static boolean isFunction(JsNode n) {
    return n.unwrap().is("arrow_function") || n.unwrap().is("function_expression");
  }

  private Value<String> hostOf(JsFile.Options options, String module) {
    JsNode host = options.get("hostname") != null ? options.get("hostname") : options.get("host");
    String name = host == null ? null : calls.literalPrefix(host, 0);
    if (name == null || name.isEmpty() || name.contains("/")) return Value.absent();
    JsNode port = options.get("port");
    String portText = port != null && port.is("number") ? ":" + port.text() : "";
    return Value.explicit(module + "://" + name + portText, List.of());
  }

  /**
   * A socket timeout (the {@code timeout} option, or {@code setTimeout(ms)} on the request) and
   * what happens when it fires; null when neither sets one.
   */
  private Value<String> timer(Request req, JsNode option) {
    JsNode set = null;
    JsNode value = option;
    for (JsNode use : req.uses) {
      if (method(use).equals("setTimeout") && !JsFile.arguments(use).isEmpty()) {
        set = use;
        value = JsFile.arguments(use).get(0);
      }
    }
    if (value == null) return null;
    Location timerAt = f.at(set != null ? set : value);
    Value<String> ms = calls.millis(value, "a socket timeout of 0 disables it");
    if (!ms.present()) return JsCalls.none(ms.note(), List.of(timerAt));
    List<JsNode> handlers = handlers(req, set);
    for (JsNode h : handlers) {
      JsNode body = handlerFunction(h);
      if (body != null && ends(body, req))
        return Value.explicit(
            "socket idle " + ms.get() + ", request destroyed on 'timeout'",
            List.of(timerAt, f.at(h)));
    }
    for (JsNode h : handlers) {
      if (handlerFunction(h) == null)
        return calls.unresolved(
            "the 'timeout' handler " + JsCalls.shorten(h.text()) + " is not followed", h);
    }
    if (!handlers.isEmpty())
      return Value.unresolved(
          "the 'timeout' handler does not destroy or abort the request, which Node.js leaves"
              + " waiting otherwise; whether what it calls ends the caller's wait is not followed",
          List.of(timerAt, f.at(handlers.get(0))));
    if (req.escapes != null)
      return Value.unresolved(
          "the request is passed on at line "
              + req.escapes.line
              + ", where a 'timeout' handler may destroy it",
          List.of(timerAt));
    return JsCalls.none(
        "the socket timeout ("
            + ms.get()
            + ") only emits 'timeout' after that long without activity, and nothing destroys"
            + " the request then, so it keeps waiting",
        List.of(timerAt));
  }

  /** The handlers given to {@code on('timeout', h)} and to {@code setTimeout(ms, h)}. */
  private List<JsNode> handlers(Request req, JsNode setTimeout) {
    List<JsNode> out = new ArrayList<>();
    if (setTimeout != null && JsFile.arguments(setTimeout).size() > 1)
      out.add(JsFile.arguments(setTimeout).get(1));
    for (JsNode use : req.uses) {
      List<JsNode> args = JsFile.arguments(use);
      if (LISTENS.contains(method(use))
          && args.size() > 1
          && "timeout".equals(args.get(0).stringValue())) out.add(args.get(1));
    }
    return out;
  }

  /** The function a handler expression is: inline, or a name bound to one in the file. */
  private JsNode handlerFunction(JsNode h) {
    JsNode n = h.unwrap();
    if (n.is("identifier")) n = f.binding(n.text(), n);
    return n != null && JsNode.isFunction(n.unwrap()) ? n.unwrap() : null;
  }

  /**
   * Whether a handler destroys or aborts the request: through its name, or through {@code this} in
   * a {@code function} handler (the emitter is {@code this}).
   */
  private boolean ends(JsNode handler, Request req) {
    for (JsNode c : handler.all("call_expression")) {
      JsNode fn = c.field("function");
      if (fn == null || !fn.is("member_expression") || fn.field("property") == null) continue;
      if (!ENDS.contains(fn.field("property").text())) continue;
      JsNode target = fn.field("object");
      if (target == null) continue;
      if (req.name != null && target.is("identifier") && target.text().equals(req.name))
        return true;
      if (target.is("this") && !handler.is("arrow_function")) return true;
    }
    return false;
  }

  /** No socket timeout: no timeout, unless what the scanner cannot see may set one. */
  private Value<String> untimed(Request req, JsFile.Options options, Arguments args, JsNode call) {
    if (args.firstUnknown)
      return calls.unresolved(
          "the first argument "
              + JsCalls.shorten(args.options.text())
              + " may be request options that set a timeout",
          call);
    if (!options.complete())
      return calls.unresolved(
          "the request options come from "
              + JsCalls.shorten(options.unknown.get(0).text())
              + ", which may set a timeout",
          call);
    if (req.escapes != null)
      return calls.unresolved(
          "the request is passed on at line "
              + req.escapes.line
              + ", where a timeout may be set on it",
          call);
    if (options.get("agent") != null && !handlers(req, null).isEmpty())
      return calls.unresolved(
          "the agent " + JsCalls.shorten(options.get("agent").text()) + " may set a socket timeout",
          options.get("agent"));
    return JsCalls.none(
        "Node.js sets no timeout on an http(s) request: without a socket timeout whose 'timeout'"
            + " handler destroys the request, or an abort signal on a timer, it can wait forever",
        List.of());
  }

  /**
   * {@code source.pipe(req)} or {@code pipeline(source, req)}: streaming a body sets no timeout.
   */
  private static boolean piped(JsNode arguments) {
    JsNode call = arguments.parent;
    if (call == null || !call.is("call_expression") || call.field("function") == null) return false;
    JsNode fn = call.field("function");
    String name = fn.is("identifier") ? fn.text() : method(call);
    return name.equals("pipe") || name.equals("pipeline");
  }

  private static String method(JsNode call) {
    JsNode fn = call.field("function");
    return fn != null && fn.is("member_expression") && fn.field("property") != null
        ? fn.field("property").text()
        : "";
  }

  /**
   * The request a call returns: the name it is held in (if any), the calls made on it (chained, or
   * through the name in the same function), and where it is handed to other code.
   */
  private final class Request {
    final List<JsNode> uses = new ArrayList<>();
    String name;
    JsNode escapes;

    Request(JsNode call) {
      JsNode value = call;
      // https.get(url).on('timeout', ...).setTimeout(...): each call returns the request
      while (value.parent != null
          && value.parent.is("member_expression")
          && value.parent.field("object") == value
          && value.parent.parent != null
          && value.parent.parent.is("call_expression")) {
        value = value.parent.parent;
        uses.add(value);
      }
      JsNode holder = value.parent;
      while (holder != null
          && (holder.is("parenthesized_expression") || holder.is("await_expression")))
        holder = holder.parent;
      if (holder == null) return;
      if (holder.is("variable_declarator") && holder.field("name") != null) {
        if (holder.field("name").is("identifier")) name = holder.field("name").text();
      } else if (holder.is("assignment_expression")
          && holder.field("left") != null
          && holder.field("left").is("identifier")) {
        name = holder.field("left").text();
      } else if (holder.is("arguments") || holder.is("return_statement")) {
        escapes = value;
      }
      if (name != null) followName(call);
    }

    /** Calls on the name within the function holding the request, and where it is passed on. */
    private void followName(JsNode call) {
      JsNode scope = call.function() != null ? call.function() : f.root;
      for (JsNode id : scope.all("identifier")) {
        if (!id.text().equals(name) || id.start <= call.start) continue;
        JsNode p = id.parent;
        if (p.is("member_expression")
            && p.field("object") == id
            && p.parent != null
            && p.parent.is("call_expression")
            && p.parent.field("function") == p) {
          uses.add(p.parent);
        } else if ((p.is("arguments") && !piped(p) || p.is("return_statement"))
            && escapes == null) {
          escapes = id;
        }
      }
    }
  }
}
