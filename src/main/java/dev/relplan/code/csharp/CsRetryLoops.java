package dev.relplan.code.csharp;

import dev.relplan.code.RetryLoops;
import dev.relplan.code.TreeRetryLoops;
import dev.relplan.model.Value;
import dev.relplan.source.Location;
import java.util.Set;

/**
 * A retry loop written by hand around a call (docs/client-defaults.md, "Retry loops written by
 * hand"): a counting {@code for}, a {@code while} or a {@code do ... while} loop in the same method
 * or lambda whose body holds the call, a wait ({@code await Task.Delay(...)}, {@code
 * Thread.Sleep(...)}) and a break or return.
 */
final class CsRetryLoops extends TreeRetryLoops<CsNode> {
  private static final Set<String> TASK = Set.of("Task", "System.Threading.Tasks.Task");
  private static final Set<String> THREAD = Set.of("Thread", "System.Threading.Thread");

  private final CsFile f;

  CsRetryLoops(CsFile f) {
    super(Set.of("for_statement", "while_statement", "do_statement"));
    this.f = f;
  }

  @Override
  protected Location at(CsNode n) {
    return f.at(n);
  }

  /** A method, constructor, accessor, local function or lambda: a loop outside is the caller's. */
  @Override
  protected boolean isFunction(CsNode n) {
    return n.is("method_declaration")
        || n.is("constructor_declaration")
        || n.is("local_function_statement")
        || n.is("accessor_declaration")
        || n.is("lambda_expression")
        || n.is("anonymous_method_expression");
  }

  /**
   * An awaited {@code Task.Delay} (a Delay that is not awaited, as in {@code Task.WhenAny(work,
   * Task.Delay(t))}, is a timeout, not a wait) or a {@code Thread.Sleep}, outside nested functions.
   */
  @Override
  protected boolean waits(CsNode body) {
    for (CsNode c : body.all("invocation_expression")) {
      CsNode receiver = CsFile.receiver(c);
      String method = CsFile.method(c);
      if (receiver == null || method == null || !sameFunction(c, body)) continue;
      if (method.equals("Sleep") && THREAD.contains(receiver.text())) return true;
      if (method.equals("Delay") && TASK.contains(receiver.text()) && awaited(c)) return true;
    }
    return false;
  }

  /** {@code await Task.Delay(t)} or {@code await Task.Delay(t).ConfigureAwait(false)}. */
  private static boolean awaited(CsNode delay) {
    CsNode p = delay.parent;
    if (p != null && p.is("member_access_expression") && p.parent != null) {
      CsNode configured = p.parent;
      if (configured.is("invocation_expression")
          && "ConfigureAwait".equals(CsFile.method(configured))) p = configured.parent;
    }
    return p != null && p.is("await_expression");
  }

  /**
   * {@code while (true)} or {@code for (;;)} runs until the call succeeds; {@code i < N} or {@code
   * i <= N} with a literal N (or a const or readonly holding one) and the counter's literal start
   * gives N minus the start. Any other condition is not a counter: null.
   */
  @Override
  protected Value<Integer> attempts(CsNode loop) {
    Location at = f.at(loop);
    CsNode condition = loop.field("condition");
    while (condition != null && condition.is("parenthesized_expression"))
      condition = condition.children.isEmpty() ? null : condition.children.get(0);
    if (condition == null || (condition.is("boolean_literal") && condition.text().equals("true")))
      return RetryLoops.untilSuccess(at);
    if (!condition.is("binary_expression")) return null;
    CsNode counter = condition.field("left");
    CsNode bound = condition.field("right");
    if (counter == null || bound == null || !counter.is("identifier")) return null;
    String operator = RetryLoops.operator(condition.text(), counter.text(), bound.text());
    if (!RetryLoops.upperBound(operator)) return null;
    Integer from = literal(start(loop, counter));
    Integer to = literal(constant(bound));
    return RetryLoops.counted(from, to, operator, CsFile.shorten(condition.text()), at);
  }

  /** The counter's first value: the for loop's own {@code int i = 0}, else its binding before. */
  private CsNode start(CsNode loop, CsNode counter) {
    if (loop.is("for_statement")) {
      for (CsNode d : loop.all("variable_declarator")) {
        CsNode name = d.field("name");
        if (d.ancestor("for_statement") == loop
            && name != null
            && name.text().equals(counter.text())) return value(d);
      }
    }
    return f.localBinding(counter.text(), loop);
  }

  /** A bound named by a const or readonly local or field is the literal it holds. */
  private CsNode constant(CsNode bound) {
    if (!bound.is("identifier")) return bound;
    CsNode value = f.localBinding(bound.text(), bound);
    if (value == null) value = f.memberBinding(bound.text(), bound);
    return value != null && fixed(value) ? value : bound;
  }

  /** Whether the declaration a value initialises is {@code const} or {@code readonly}. */
  private static boolean fixed(CsNode value) {
    CsNode declarator = value.ancestor("variable_declarator");
    if (declarator == null || declarator.parent == null) return false;
    CsNode declaration = declarator.parent.parent; // variable_declaration's statement or field
    if (declaration == null) return false;
    for (CsNode c : declaration.children)
      if (c.is("modifier") && (c.text().equals("const") || c.text().equals("readonly")))
        return true;
    return false;
  }

  /** The initial value of a declarator ({@code = value}). */
  private static CsNode value(CsNode declarator) {
    for (CsNode c : declarator.children) {
      if (c == declarator.field("name")) continue;
      if (c.is("equals_value_clause")) return c.children.isEmpty() ? null : c.children.get(0);
      return c;
    }
    return null;
  }

  private static Integer literal(CsNode n) {
    return n != null && n.is("integer_literal") ? RetryLoops.integer(n.text()) : null;
  }
}
