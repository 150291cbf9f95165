package dev.relplan.code;

import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * Crediting a retry loop written by hand (docs/client-defaults.md, "Retry loops written by hand"):
 * the loop is the call's retry, cited at the loop's line, and its bound multiplies the attempts the
 * client makes by itself.
 */
public final class RetryLoops {
  private RetryLoops() {}

  /** The note of a loop whose bound is not a literal number. */
  public static Value<Integer> boundNotLiteral(String bound, Location at) {
    return Value.unresolved(
        "the retry loop's bound " + bound + " is not a literal number", List.of(at));
  }

  /** The note of a loop that runs until the call succeeds. */
  public static Value<Integer> untilSuccess(Location at) {
    return Value.unresolved(
        "the retry loop has no attempt limit: it runs until the call succeeds", List.of(at));
  }

  /**
   * Records the loop on the call: its retry (unless a retry was already explicit) and the client's
   * attempts times the loop's.
   */
  public static void credit(
      Integration i, String loopText, Location at, Value<Integer> loopAttempts) {
    if (!i.retry.isExplicit()) i.retry = Value.explicit("retry loop: " + loopText, List.of(at));
    if (!i.attempts.present()) return;
    if (loopAttempts.unresolved()) {
      i.attempts = loopAttempts;
      return;
    }
    List<Location> trace = new ArrayList<>(i.attempts.trace());
    for (Location l : loopAttempts.trace()) if (!trace.contains(l)) trace.add(l);
    i.attempts = Value.explicit(i.attempts.get() * loopAttempts.get(), trace);
  }

  /**
   * The attempts of a counter that runs from {@code from} while it is {@code <} or {@code <=} the
   * bound {@code to}: the bound minus the start, plus one for {@code <=}. A start or bound that is
   * not a literal (null), or a loop that would not run, leaves them unresolved, noted with the
   * loop's condition.
   */
  public static Value<Integer> counted(
      Integer from, Integer to, String operator, String condition, Location at) {
    if (from == null || to == null) return boundNotLiteral(condition, at);
    int attempts = to - from + ("<=".equals(operator) ? 1 : 0);
    if (attempts < 1) return boundNotLiteral(condition, at);
    return Value.explicit(attempts, List.of(at));
  }

  /** Whether a comparison bounds a counter from above ({@code <} or {@code <=}). */
  public static boolean upperBound(String operator) {
    return "<".equals(operator) || "<=".equals(operator);
  }

  /** A decimal integer literal's value ({@code 1_000} allowed); null when it is not one. */
  public static Integer integer(String literal) {
    try {
      return Integer.valueOf(literal.replace("_", ""));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The first line of a loop header, shortened for a report. */
  public static String header(String loopText) {
    int newline = loopText.indexOf('\n');
    String first = (newline < 0 ? loopText : loopText.substring(0, newline)).strip();
    if (first.endsWith(":") || first.endsWith("{")) first = first.substring(0, first.length() - 1);
    first = first.strip();
    return first.length() > 80 ? first.substring(0, 77) + "..." : first;
  }

  /**
   * The operator of a binary expression from its text and its operands' texts (the operator is an
   * unnamed node the syntax-tree copies do not keep); null when the operands do not frame it.
   */
  public static String operator(String whole, String left, String right) {
    if (whole.length() < left.length() + right.length()
        || !whole.startsWith(left)
        || !whole.endsWith(right)) return null;
    return whole.substring(left.length(), whole.length() - right.length()).strip();
  }
}
