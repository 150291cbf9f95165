package dev.relplan.code.javascript;

import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.parse.javascript.JsFile;
import dev.relplan.parse.javascript.JsNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Resilience libraries around a call: an opossum circuit breaker, cockatiel policies (circuit
 * breaker, retry, aggressive timeout, and wraps of them), p-retry / async-retry, and axios-retry on
 * the axios instance. A call is protected when it runs inside the function the library wraps: the
 * function passed inline, or a named function (or method) passed by name.
 */
final class JsResilience {
  private final JsFile f;

  /**
   * opossum breakers, retry wrappers, axios-retry calls and policy.execute calls of the file, found
   * once.
   */
  private final List<JsNode> breakers = new ArrayList<>();

  private final List<JsNode> retries = new ArrayList<>();
  private final List<JsNode> axiosRetries = new ArrayList<>();
  private final List<JsNode> executes = new ArrayList<>();

  private final JsWaits waits;

  JsResilience(JsFile f) {
    this.f = f;
    this.waits = new JsWaits(f);
    for (JsNode n : f.news()) {
      String q = f.qualify(n.field("constructor"));
      if (("opossum".equals(q) || "opossum.CircuitBreaker".equals(q))
          && !JsFile.arguments(n).isEmpty()) breakers.add(n);
    }
    for (JsNode c : f.calls()) {
      JsNode fn = c.field("function");
      if (fn == null || JsFile.arguments(c).isEmpty()) continue;
      if (fn.is("member_expression")
          && fn.field("property") != null
          && fn.field("property").text().equals("execute")) {
        executes.add(c);
        continue;
      }
      if (!fn.is("identifier") && !fn.is("member_expression")) continue;
      String q = f.qualify(fn);
      if ("p-retry".equals(q) || "async-retry".equals(q)) retries.add(c);
      if ("axios-retry".equals(q)) axiosRetries.add(c);
    }
  }

  void apply(Integration i, JsNode call) {
    for (JsNode n : breakers) {
      if (wraps(JsFile.arguments(n).get(0), call))
        i.circuitBreaker = Value.explicit("opossum " + JsCalls.shorten(n.text()), List.of(f.at(n)));
    }
    for (JsNode c : retries) {
      if (wraps(JsFile.arguments(c).get(0), call)) {
        i.attempts = JsWaits.times(i.attempts, waits.wrapperAttempts(c));
        i.retry =
            Value.explicit(
                f.qualify(c.field("function")) + " " + JsCalls.shorten(c.text()), List.of(f.at(c)));
      }
    }
    for (JsNode c : axiosRetries) {
      if (i.client.equals("axios") && sameClient(JsFile.arguments(c).get(0), call)) {
        i.retry = Value.explicit("axios-retry " + JsCalls.shorten(c.text()), List.of(f.at(c)));
        i.attempts = JsWaits.times(i.attempts, waits.axiosRetryAttempts(c));
      }
    }
    for (JsNode c : executes) {
      if (wraps(JsFile.arguments(c).get(0), call))
        cockatiel(i, f.origin(c.field("function").field("object")), c, 0);
    }
  }

  /**
   * Applies what a cockatiel policy (or a wrap of policies) adds to the call run by {@code
   * execute}.
   */
  private void cockatiel(Integration i, JsNode policy, JsNode execute, int depth) {
    if (policy == null || !policy.is("call_expression") || depth > 4) return;
    String q = f.qualify(policy.field("function"));
    if (q == null || !q.startsWith("cockatiel.")) return;
    List<JsNode> args = JsFile.arguments(policy);
    String text = "cockatiel " + JsCalls.shorten(policy.text());
    switch (q) {
      case "cockatiel.circuitBreaker" ->
          i.circuitBreaker = Value.explicit(text, List.of(f.at(policy), f.at(execute)));
      case "cockatiel.retry" -> {
        i.retry = Value.explicit(text, List.of(f.at(policy), f.at(execute)));
        i.attempts = JsWaits.times(i.attempts, waits.cockatielAttempts(policy));
      }
      case "cockatiel.timeout" -> {
        // a cooperative timeout only signals cancellation: the call is bounded only by an
        // aggressive one
        if (args.size() > 1
            && args.get(1).text().endsWith("Aggressive")
            && !i.timeout.isExplicit()) {
          i.timeout =
              Value.explicit(
                  "cockatiel timeout(" + new JsCalls(f).msText(args.get(0)) + ", Aggressive)",
                  List.of(f.at(policy), f.at(execute)));
        }
      }
      case "cockatiel.wrap" -> {
        for (JsNode a : args) cockatiel(i, f.origin(a), execute, depth + 1);
      }
      default -> {
        // other cockatiel helpers (bulkhead, fallback) are not recorded
      }
    }
  }

  /**
   * Whether the function expression passed to a library is, or encloses by name, the code making
   * the call.
   */
  private boolean wraps(JsNode fnArg, JsNode call) {
    JsNode arg = fnArg.unwrap();
    if (arg.is("call_expression")
        && arg.field("function") != null
        && arg.field("function").is("member_expression")
        && arg.field("function").field("property") != null
        && arg.field("function").field("property").text().equals("bind")) {
      arg = arg.field("function").field("object").unwrap(); // this.fetchQuote.bind(this)
    }
    if (JsNode.isFunction(arg)) {
      for (JsNode p = call.parent; p != null; p = p.parent) if (p == arg) return true;
      return false;
    }
    String name =
        arg.is("identifier")
            ? arg.text()
            : arg.is("member_expression") && arg.field("property") != null
                ? arg.field("property").text()
                : null;
    if (name == null) return false;
    for (JsNode fn = call.function(); fn != null; fn = fn.function()) {
      if (name.equals(JsFile.functionName(fn))) return true;
    }
    return false;
  }

  /**
   * axiosRetry(client, ...): the client is the receiver of the call, or the axios default export
   * for a direct axios call.
   */
  private boolean sameClient(JsNode client, JsNode call) {
    JsNode fn = call.field("function").unwrap();
    if (fn.is("member_expression") && fn.field("object") != null) {
      JsNode receiver = fn.field("object").unwrap();
      JsNode a = f.origin(receiver);
      JsNode b = f.origin(client);
      if (a != null || b != null) return a == b; // the same axios.create instance
      return receiver.text().equals(client.text())
          && "axios".equals(f.qualify(receiver)); // the default export
    }
    if (fn.is("identifier") && !"axios".equals(f.qualify(fn))) {
      JsNode a = f.origin(fn);
      return a != null && a == f.origin(client); // api(config) on an axios.create instance
    }
    return "axios".equals(f.qualify(client)) && "axios".equals(f.qualify(fn));
  }
}
