package dev.relplan.code.python;

import dev.relplan.code.RetryLoops;
import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.parse.python.PyFile;
import dev.relplan.parse.python.PyNode;
import dev.relplan.source.Location;
import java.util.List;
import java.util.Set;

/**
 * A retry loop written by hand around a call: a {@code for ... in range(n)} or {@code while} loop
 * in the same function whose body holds the call, a sleep, and a break or return.
 */
final class PyRetryLoops {
  private static final Set<String> SLEEPS = Set.of("time.sleep", "asyncio.sleep");

  private final PyFile f;

  PyRetryLoops(PyFile f) {
    this.f = f;
  }

  void apply(Integration i, PyNode call) {
    for (PyNode n = call.parent; n != null && !isScope(n); n = n.parent) {
      if (!n.is("for_statement") && !n.is("while_statement")) continue;
      PyNode body = n.field("body");
      if (body == null || !within(call, body) || !sleeps(body) || !exits(body)) continue;
      Value<Integer> attempts = n.is("for_statement") ? rangeAttempts(n) : whileAttempts(n);
      if (attempts == null) continue; // a loop over items, not a counter
      RetryLoops.credit(i, RetryLoops.header(n.text()), f.at(n), attempts);
      return;
    }
  }

  private static boolean isScope(PyNode n) {
    return n.is("function_definition") || n.is("lambda") || n.is("class_definition");
  }

  private static boolean within(PyNode n, PyNode ancestor) {
    for (PyNode p = n; p != null; p = p.parent) if (p == ancestor) return true;
    return false;
  }

  /** A time.sleep or asyncio.sleep in the loop's body (not in a nested function). */
  private boolean sleeps(PyNode body) {
    for (PyNode c : body.all("call")) {
      String name = f.qualify(c.field("function")); // null for a local client's method
      if (name != null && SLEEPS.contains(name) && sameScope(c, body)) return true;
    }
    return false;
  }

  /** A break or return in the loop's body: the loop ends once the call succeeded. */
  private static boolean exits(PyNode body) {
    for (PyNode b : body.all("break_statement")) if (sameScope(b, body)) return true;
    for (PyNode r : body.all("return_statement")) if (sameScope(r, body)) return true;
    return false;
  }

  private static boolean sameScope(PyNode n, PyNode body) {
    for (PyNode p = n.parent; p != null && p != body; p = p.parent) if (isScope(p)) return false;
    return true;
  }

  /** range(n) or range(a, b) with literal integers; null when the loop is not over a range. */
  private Value<Integer> rangeAttempts(PyNode loop) {
    PyNode iterable = loop.field("right");
    if (iterable == null || !iterable.is("call")) return null;
    PyNode function = iterable.field("function");
    if (function == null || !function.is("identifier") || !function.text().equals("range"))
      return null;
    List<PyNode> args = PyFile.positional(iterable);
    Location at = f.at(loop);
    if (args.isEmpty() || args.size() > 2)
      return RetryLoops.boundNotLiteral(PyCalls.shorten(iterable.text()), at);
    Integer from = args.size() == 2 ? literal(args.get(0)) : Integer.valueOf(0);
    Integer to = literal(args.get(args.size() - 1));
    if (from == null || to == null || to <= from)
      return RetryLoops.boundNotLiteral(PyCalls.shorten(iterable.text()), at);
    return Value.explicit(to - from, List.of(at));
  }

  /**
   * while True runs until the call succeeds; {@code while count < N} (or {@code <=}) with a literal
   * N and the counter last set to a literal before the loop makes N minus the start attempts; a
   * bound held in a name is not followed. Any other condition is not a counter: null.
   */
  private Value<Integer> whileAttempts(PyNode loop) {
    PyNode condition = loop.field("condition");
    Location at = f.at(loop);
    if (condition == null || condition.is("true")) return RetryLoops.untilSuccess(at);
    if (!condition.is("comparison_operator") || condition.children.size() != 2) return null;
    PyNode counter = condition.children.get(0);
    PyNode bound = condition.children.get(1);
    String operator = RetryLoops.operator(condition.text(), counter.text(), bound.text());
    if (!counter.is("identifier") || !RetryLoops.upperBound(operator)) return null;
    Integer from = literal(f.binding(counter.text(), loop));
    Integer to = literal(bound);
    return RetryLoops.counted(from, to, operator, PyCalls.shorten(condition.text()), at);
  }

  private static Integer literal(PyNode n) {
    return n == null || !n.is("integer") ? null : RetryLoops.integer(n.text());
  }
}
