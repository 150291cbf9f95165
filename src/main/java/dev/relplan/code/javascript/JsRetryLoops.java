package dev.relplan.code.javascript;

import dev.relplan.code.RetryLoops;
import dev.relplan.code.TreeRetryLoops;
import dev.relplan.model.Value;
import dev.relplan.parse.javascript.JsFile;
import dev.relplan.parse.javascript.JsNode;
import dev.relplan.source.Location;
import java.util.Set;

/**
 * A retry loop written by hand around a call: a counting {@code for}, a {@code while} or a {@code
 * do ... while} loop in the same function whose body holds the call, a wait (an awaited sleep or a
 * setTimeout) and a break or return.
 */
final class JsRetryLoops extends TreeRetryLoops<JsNode> {
  /** Names an awaited wait helper goes by (the helper itself is usually the project's own). */
  private static final Set<String> WAIT_NAMES =
      Set.of("sleep", "delay", "wait", "setTimeout", "timeout", "pause");

  private final JsFile f;

  JsRetryLoops(JsFile f) {
    super(Set.of("for_statement", "while_statement", "do_statement"));
    this.f = f;
  }

  @Override
  protected boolean isFunction(JsNode n) {
    return JsNode.isFunction(n);
  }

  @Override
  protected Location at(JsNode n) {
    return f.at(n);
  }

  /**
   * An awaited wait helper, or setTimeout, in the loop's body (outside nested functions' own code).
   */
  @Override
  protected boolean waits(JsNode body) {
    for (JsNode c : body.all("call_expression")) {
      String name = calleeName(c);
      if ("setTimeout".equals(name) && awaited(c, body)) return true;
      if (name != null
          && WAIT_NAMES.contains(name)
          && c.parent != null
          && c.parent.is("await_expression")
          && sameFunction(c, body)) return true;
    }
    return false;
  }

  /**
   * Whether the loop awaits the expression holding a setTimeout ({@code await new Promise(r =>
   * setTimeout(r, ms))}, timers/promises' {@code await setTimeout(ms)}); a setTimeout not awaited
   * (an abort timer) is no wait.
   */
  private static boolean awaited(JsNode n, JsNode body) {
    for (JsNode p = n.parent; p != null && p != body; p = p.parent)
      if (p.is("await_expression")) return true;
    return false;
  }

  private static String calleeName(JsNode call) {
    JsNode fn = call.field("function");
    if (fn == null) return null;
    if (fn.is("identifier")) return fn.text();
    JsNode property = fn.is("member_expression") ? fn.field("property") : null;
    return property == null ? null : property.text();
  }

  /**
   * A loop without a condition or with {@code true} runs until the call succeeds; {@code i < N} or
   * {@code i <= N} with literal N and the counter's literal start gives N minus the start; a bound
   * held in a name that is not a literal is not followed. Any other condition: null.
   */
  @Override
  protected Value<Integer> attempts(JsNode loop) {
    Location at = f.at(loop);
    JsNode condition = condition(loop);
    if (condition == null || condition.is("true")) return RetryLoops.untilSuccess(at);
    if (!condition.is("binary_expression")) return null;
    JsNode counter = condition.field("left");
    JsNode bound = condition.field("right");
    if (counter == null || bound == null || !counter.is("identifier")) return null;
    String operator = RetryLoops.operator(condition.text(), counter.text(), bound.text());
    if (!RetryLoops.upperBound(operator)) return null;
    Integer from = literal(start(loop, counter));
    Integer to = literal(f.number(bound));
    return RetryLoops.counted(from, to, operator, JsCalls.shorten(condition.text()), at);
  }

  private static JsNode condition(JsNode loop) {
    JsNode c = loop.field("condition");
    while (c != null
        && (c.is("expression_statement") || c.is("parenthesized_expression"))
        && !c.children.isEmpty()) c = c.children.get(0);
    if (c != null && c.is("empty_statement")) return null;
    return c == null ? null : c.unwrap();
  }

  /**
   * The counter's first value: the for loop's own declaration, else its binding before the loop.
   */
  private JsNode start(JsNode loop, JsNode counter) {
    JsNode initializer = loop.is("for_statement") ? loop.field("initializer") : null;
    if (initializer != null)
      for (JsNode d : initializer.all("variable_declarator"))
        if (d.field("name") != null && d.field("name").text().equals(counter.text()))
          return d.field("value");
    return f.binding(counter.text(), loop);
  }

  private static Integer literal(JsNode n) {
    return n == null || !n.is("number") ? null : RetryLoops.integer(n.text());
  }
}
