package dev.relplan.code.python;

import dev.relplan.code.RetryLoops;
import dev.relplan.code.TreeRetryLoops;
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
final class PyRetryLoops extends TreeRetryLoops<PyNode> {
  private static final Set<String> SLEEPS = Set.of("time.sleep", "asyncio.sleep");

  private final PyFile f;

  PyRetryLoops(PyFile f) {
    super(Set.of("for_statement", "while_statement"));
    this.f = f;
  }

  @Override
  protected boolean isFunction(PyNode n) {
    return n.is("function_definition") || n.is("lambda") || n.is("class_definition");
  }

  @Override
  protected Location at(PyNode n) {
    return f.at(n);
  }

  /** A time.sleep or asyncio.sleep in the loop's body (not in a nested function). */
  @Override
  protected boolean waits(PyNode body) {
    for (PyNode c : body.all("call")) {
      String name = f.qualify(c.field("function")); // null for a local client's method
      if (name != null && SLEEPS.contains(name) && sameFunction(c, body)) return true;
    }
    return false;
  }

  @Override
  protected Value<Integer> attempts(PyNode loop) {
    return loop.is("for_statement") ? rangeAttempts(loop) : whileAttempts(loop);
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
