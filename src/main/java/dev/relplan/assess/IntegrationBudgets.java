package dev.relplan.assess;

import dev.relplan.model.CodeOwners;
import dev.relplan.model.Deadline;
import dev.relplan.model.Function;
import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import java.math.BigDecimal;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The deadline-budget columns of the integrations table: each call's wait numbers, and the deadline
 * of the Lambda function whose code makes it (docs/deadline-budgets.md).
 */
final class IntegrationBudgets {
  private final Workload w;
  private final CodeOwners owners;
  private final Map<Function, Deadline> deadlines = new IdentityHashMap<>();

  IntegrationBudgets(Workload w) {
    this.w = w;
    this.owners = CodeOwners.of(w);
  }

  static Double finite(Value<Double> v) {
    return v.present() && !v.get().isInfinite() ? v.get() : null;
  }

  /** Why the wait numbers are null, or where they come from when they are not. */
  static String waitNote(Integration i) {
    Value<Double> worst = i.worstCaseSeconds();
    if (worst.unresolved()) return "Cannot determine: " + worst.note();
    if (!worst.present()) return "Not computed for " + i.client + " yet";
    if (worst.get().isInfinite())
      return "Unbounded: "
          + (i.attemptSeconds.note() != null ? i.attemptSeconds.note() : "timeout=None");
    return worst.isExplicit() ? "As configured" : "Defaults: " + worst.note();
  }

  private Deadline deadlineOf(Integration i) {
    Function owner = owners.owner(i.location.file(), i.enclosing);
    return owner == null ? null : deadlines.computeIfAbsent(owner, f -> Deadline.of(f, w));
  }

  Double seconds(Integration i) {
    Deadline d = deadlineOf(i);
    return d == null || d.unresolved() != null || d.tightest() == null
        ? null
        : d.tightest().seconds().get();
  }

  /** The deadline as the table shows it: seconds, what sets it and its line; or why none. */
  String text(Integration i) {
    Deadline d = deadlineOf(i);
    if (d == null)
      return owners.sharing(i.location.file()).isEmpty()
          ? "None known: not in a Lambda function's code"
          : "Cannot determine: in code several functions share, not traced to one of them";
    if (d.unresolved() != null)
      return "Cannot determine: "
          + d.unresolved().what()
          + " of "
          + d.function().id
          + " is unresolved ("
          + d.unresolved().seconds().note()
          + ")";
    if (d.tightest() == null) return "None known: " + d.function().id + " sets no timeout";
    Value<Double> s = d.tightest().seconds();
    return seconds(s.get())
        + " s: "
        + d.tightest().what()
        + " of "
        + d.function().id
        + " ("
        + s.trace().get(0)
        + (s.isExplicit() ? ")" : ", default)");
  }

  private static String seconds(double s) {
    return BigDecimal.valueOf(s).stripTrailingZeros().toPlainString();
  }
}
