package dev.relplan.code;

import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.parse.treesitter.SyntaxNode;
import dev.relplan.source.Location;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finding a retry loop written by hand around a call in a tree-sitter syntax tree
 * (docs/client-defaults.md, "Retry loops written by hand"): the innermost loop of the call's own
 * function whose body holds the call, a wait and a {@code break} or {@code return} (node types all
 * the grammars read here share), whose condition is a counter or none, and that goes round again
 * because the call failed (a try around the call, or a test of its outcome), not because a resource
 * is not ready yet (a poll). A language says what its functions, waits and counters are.
 */
public abstract class TreeRetryLoops<N extends SyntaxNode<N>> {
  private final Set<String> loopTypes;

  protected TreeRetryLoops(Set<String> loopTypes) {
    this.loopTypes = loopTypes;
  }

  /** A function, method or lambda: a loop outside it is its caller's. */
  protected abstract boolean isFunction(N n);

  /** Whether the loop's body waits between attempts (use {@link #sameFunction}). */
  protected abstract boolean waits(N body);

  /** The loop's attempts; null when its condition is no counter (a loop over items). */
  protected abstract Value<Integer> attempts(N loop);

  protected abstract Location at(N n);

  /** Credits the call with the retry loop around it, if there is one. */
  public final void apply(Integration i, N call) {
    for (N n = call.parent; n != null && !isFunction(n); n = n.parent) {
      if (!loopTypes.contains(n.type)) continue;
      N body = n.field("body");
      if (body == null
          || !within(call, body)
          || !waits(body)
          || !exits(body)
          || !handlesFailure(call, body)) continue;
      Value<Integer> attempts = attempts(n);
      if (attempts == null) continue; // not a counter
      RetryLoops.credit(i, RetryLoops.header(n.text()), at(n), attempts);
      return;
    }
  }

  /** Whether a node of the loop's body runs in the loop's function, not a nested one. */
  protected final boolean sameFunction(N n, N body) {
    for (N p = n.parent; p != null && p != body; p = p.parent) if (isFunction(p)) return false;
    return true;
  }

  /** Names a condition tests to tell a failed call from a good one (Go's err, an HTTP status). */
  private static final Set<String> OUTCOME_NAMES =
      Set.of("err", "ok", "status_code", "statusCode", "StatusCode", "IsSuccessStatusCode", "Err");

  /**
   * Whether the loop goes round again because the call failed, which is what tells a retry from a
   * poll (a loop that calls until a resource reaches a state, such as a snapshot becoming
   * AVAILABLE, repeats calls that succeeded): the call sits in a try statement inside the loop, or
   * an {@code if} of the loop tests the call's outcome (Go's {@code err} or a comparison with nil,
   * an HTTP response's {@code ok} or its status against a status code).
   */
  private boolean handlesFailure(N call, N body) {
    for (N p = call.parent; p != null && p != body; p = p.parent)
      if (p.is("try_statement")) return true;
    for (N branch : body.all("if_statement")) {
      N condition = branch.field("condition");
      if (condition != null && sameFunction(branch, body) && testsOutcome(condition)) return true;
    }
    return false;
  }

  /**
   * A condition on a call's outcome: a name such as Go's {@code err} or a response's {@code ok}, a
   * comparison with {@code nil} (Go's error), or a status compared with an HTTP status code.
   */
  private static <N extends SyntaxNode<N>> boolean testsOutcome(N condition) {
    for (String type : List.of("identifier", "field_identifier", "property_identifier"))
      for (N name : condition.all(type)) if (OUTCOME_NAMES.contains(name.text())) return true;
    if (!condition.all("nil").isEmpty()) return true;
    if (!condition.text().toLowerCase(Locale.ROOT).contains("status")) return false;
    for (String type : List.of("integer", "number", "int_literal", "integer_literal"))
      for (N literal : condition.all(type)) if (httpStatus(literal.text())) return true;
    return false;
  }

  public static boolean httpStatus(String literal) {
    try {
      int code = Integer.parseInt(literal);
      return code >= 100 && code <= 599;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** A break or return in the body: the loop ends once the call succeeded. */
  private boolean exits(N body) {
    for (N b : body.all("break_statement")) if (sameFunction(b, body)) return true;
    for (N r : body.all("return_statement")) if (sameFunction(r, body)) return true;
    return false;
  }

  private static <N extends SyntaxNode<N>> boolean within(N n, N ancestor) {
    for (N p = n; p != null; p = p.parent) if (p == ancestor) return true;
    return false;
  }
}
