package dev.relplan.code.python;

import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.parse.python.PyFile;
import dev.relplan.parse.python.PyNode;
import java.util.List;

/**
 * Decorators on the function that makes a call: tenacity and backoff retries, pybreaker and
 * circuitbreaker circuit breakers. A breaker object is recognised by the call that created it.
 */
final class PyResilience {
  private final PyFile f;

  PyResilience(PyFile f) {
    this.f = f;
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
      } else if (q.equals("pybreaker.CircuitBreaker")
          || q.equals("circuitbreaker.circuit")
          || q.equals("circuitbreaker.CircuitBreaker")) {
        i.circuitBreaker = Value.explicit("@" + text, List.of(f.at(d)));
      }
    }
  }
}
