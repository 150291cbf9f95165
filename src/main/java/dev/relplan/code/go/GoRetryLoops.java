package dev.relplan.code.go;

import dev.relplan.code.RetryLoops;
import dev.relplan.code.TreeRetryLoops;
import dev.relplan.model.Value;
import dev.relplan.source.Location;
import java.util.List;
import java.util.Set;

/**
 * A retry loop written by hand around a call: a {@code for} loop in the same function whose body
 * holds the call, a wait ({@code time.Sleep}, or receiving from {@code time.After}) and a break or
 * return.
 */
final class GoRetryLoops extends TreeRetryLoops<GoNode> {
  private static final Set<String> WAITS = Set.of("time.Sleep", "time.After");

  private final GoFile f;

  GoRetryLoops(GoFile f) {
    super(Set.of("for_statement"));
    this.f = f;
  }

  @Override
  protected boolean isFunction(GoNode n) {
    return n.is("function_declaration") || n.is("method_declaration") || n.is("func_literal");
  }

  @Override
  protected Location at(GoNode n) {
    return f.at(n);
  }

  @Override
  protected boolean waits(GoNode body) {
    for (GoNode c : body.all("call_expression")) {
      String name = f.qualify(c.field("function")); // null for a local value's method
      if (name != null && WAITS.contains(name) && sameFunction(c, body)) return true;
    }
    return false;
  }

  /**
   * {@code for {}} runs until the call succeeds; {@code for i := 0; i < N; i++} (or a bare {@code
   * for i < N} with the counter's literal start) gives N minus the start; {@code for range N} gives
   * N; a bound that is not a literal (or a constant of one) is not followed. A range over anything
   * else, or another condition: null.
   */
  @Override
  protected Value<Integer> attempts(GoNode loop) {
    GoNode body = loop.field("body");
    Location at = f.at(loop);
    GoNode header = null;
    for (GoNode c : loop.children) if (c != body && !c.is("comment")) header = c;
    if (header == null || header.is("true")) return RetryLoops.untilSuccess(at);
    if (header.is("range_clause")) return rangeAttempts(header, at);
    GoNode condition = header.is("for_clause") ? header.field("condition") : header;
    if (condition == null) return RetryLoops.untilSuccess(at);
    if (!condition.is("binary_expression")) return null;
    GoNode counter = condition.field("left");
    String operator = condition.operator();
    if (counter == null || !counter.is("identifier")) return null;
    if (!RetryLoops.upperBound(operator)) return null;
    GoNode start =
        header.is("for_clause") && header.field("initializer") != null
            ? startIn(header.field("initializer"), counter.text())
            : f.binding(counter.text(), loop);
    Integer to = literal(condition.field("right"));
    String text = GoFile.shorten(condition.text());
    return RetryLoops.counted(literal(start), to, operator, text, at);
  }

  /** {@code for range N} (Go 1.22) counts N; ranging over a collection is no counter. */
  private Value<Integer> rangeAttempts(GoNode clause, Location at) {
    GoNode over = clause.field("right");
    Integer n = literal(over);
    if (n != null) return n > 0 ? Value.explicit(n, List.of(at)) : null;
    return null;
  }

  /** The counter's value in the loop's own {@code i := 0}. */
  private static GoNode startIn(GoNode initializer, String counter) {
    GoNode left = initializer.field("left");
    GoNode right = initializer.field("right");
    if (left == null || right == null || left.children.size() != 1) return null;
    if (!left.children.get(0).text().equals(counter) || right.children.size() != 1) return null;
    return right.children.get(0);
  }

  /** A literal integer, or a name bound to one (a constant). */
  private Integer literal(GoNode n) {
    if (n != null && n.is("identifier")) n = f.binding(n.text(), n);
    return n == null || !n.is("int_literal") ? null : RetryLoops.integer(n.text());
  }
}
