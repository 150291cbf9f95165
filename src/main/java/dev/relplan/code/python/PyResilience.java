package dev.relplan.code.python;

import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.parse.python.PyFile;
import dev.relplan.parse.python.PyNode;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * Decorators on the function that makes a call: tenacity and backoff retries, pybreaker and
 * circuitbreaker circuit breakers. A breaker object is recognised by the call that created it.
 */
final class PyResilience {
  private final PyFile f;
  private final PyWaits waits;

  PyResilience(PyFile f) {
    this.f = f;
    this.waits = new PyWaits(f);
  }

  /**
   * Attempts of a retry decorator: tenacity's stop=stop_after_attempt(n), backoff's max_tries=n.
   * tenacity without stop= and backoff without max_tries retry until the call succeeds.
   */
  private Value<Integer> decoratorAttempts(String decorator, PyNode expr, PyNode at) {
    boolean tenacity = decorator.equals("tenacity.retry");
    PyNode limit =
        !expr.is("call") ? null : PyFile.kwargs(expr).get(tenacity ? "stop" : "max_tries");
    if (limit == null)
      return Value.unresolved(
          "@"
              + PyCalls.shorten(expr.text())
              + " retries until the call succeeds (no attempt limit)",
          List.of(f.at(at)));
    if (!tenacity) return waits.count(limit, 0);
    String stop = limit.is("call") ? f.qualify(limit.field("function")) : null;
    List<PyNode> args = limit.is("call") ? PyFile.positional(limit) : List.of();
    if ("tenacity.stop_after_attempt".equals(stop) && args.size() == 1)
      return waits.count(args.get(0), 0);
    return Value.unresolved(
        "the tenacity stop condition "
            + PyCalls.shorten(limit.text())
            + " is not a number of attempts",
        List.of(f.at(limit)));
  }

  /** The client's attempts times the decorator's. */
  private static Value<Integer> times(Value<Integer> client, Value<Integer> decorator) {
    if (!decorator.present()) return decorator;
    List<Location> trace = new ArrayList<>(client.trace());
    for (Location l : decorator.trace()) if (!trace.contains(l)) trace.add(l);
    return Value.explicit(client.get() * decorator.get(), trace);
  }

  void apply(Integration i, PyNode call) {
    PyNode function = call.ancestor("function_definition");
    PyNode decorated = function == null ? null : function.parent;
    if (decorated == null || !decorated.is("decorated_definition")) return;
    for (PyNode d : decorated.children) {
      if (!d.is("decorator") || d.children.isEmpty()) continue;
      PyNode expr = d.children.get(0);
      PyNode head = expr.is("call") ? expr.field("function") : expr;
      String q = f.qualify(head);
      if (q == null && head != null && head.is("identifier")) {
        PyNode origin = f.origin(head);
        q = origin == null ? null : f.qualify(origin.field("function"));
      }
      if (q == null && head != null && head.is("attribute") && head.field("object") != null) {
        // @breaker.some_method or a breaker instance used as a decorator
        PyNode origin = f.origin(head.field("object"));
        q = origin == null ? null : f.qualify(origin.field("function"));
      }
      if (q == null) continue;
      String text = PyCalls.shorten(expr.text());
      if (q.equals("tenacity.retry") || q.startsWith("backoff.on_")) {
        i.retry = Value.explicit("@" + text, List.of(f.at(d)));
        if (i.attempts.present()) i.attempts = times(i.attempts, decoratorAttempts(q, expr, d));
      } else if (q.equals("pybreaker.CircuitBreaker")
          || q.equals("circuitbreaker.circuit")
          || q.equals("circuitbreaker.CircuitBreaker")) {
        i.circuitBreaker = Value.explicit("@" + text, List.of(f.at(d)));
      }
    }
  }
}
