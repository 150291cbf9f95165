package dev.relplan.code;

import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.parse.treesitter.SyntaxNode;
import dev.relplan.source.Location;
import java.util.Set;

/**
 * Finding a retry loop written by hand around a call in a tree-sitter syntax tree
 * (docs/client-defaults.md, "Retry loops written by hand"): the innermost loop of the call's own
 * function whose body holds the call, a wait and a {@code break} or {@code return} (node types all
 * the grammars read here share), and whose condition is a counter or none. A language says what its
 * functions, waits and counters are.
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
      if (body == null || !within(call, body) || !waits(body) || !exits(body)) continue;
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
