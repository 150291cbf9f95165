package dev.relplan.assess;

import dev.relplan.model.CallDeadlines;
import dev.relplan.model.Deadline;
import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import java.math.BigDecimal;

/**
 * The deadline-budget columns of the integrations table: each call's wait numbers, and the deadline
 * of what runs the code that makes it (a Lambda function, a probed health handler)
 * (docs/deadline-budgets.md).
 */
final class IntegrationBudgets {
  private final CallDeadlines deadlines;

  IntegrationBudgets(Workload w) {
    this.deadlines = CallDeadlines.of(w);
  }

  static Double finite(Value<Double> v) {
    return v.present() && Double.isFinite(v.get()) ? v.get() : null;
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
    CallDeadlines.Owned owned = deadlines.of(i);
    return owned == null ? null : owned.deadline();
  }

  Double seconds(Integration i) {
    Deadline d = deadlineOf(i);
    return d == null || d.unresolved() != null || d.tightest() == null
        ? null
        : d.tightest().seconds().get();
  }

  /** The deadline as the table shows it: seconds, what sets it and its line; or why none. */
  String text(Integration i) {
    CallDeadlines.Owned owned = deadlines.of(i);
    if (owned == null) {
      String why = deadlines.whyNoUpstreamBudget(i);
      return "None known: "
          + (why != null
              ? why
              : "nothing known waits on this code with a deadline (no Lambda function owns it, and no probe, load balancer or caller with a timeout reaches it)");
    }
    Deadline d = owned.deadline();
    if (d == null) return "Cannot determine: " + owned.tableReason();
    if (d.unresolved() != null)
      return "Cannot determine: "
          + d.unresolved().what()
          + " of "
          + d.ownerId()
          + " is unresolved ("
          + d.unresolved().seconds().note()
          + ")";
    if (d.tightest() == null) return "None known: " + d.ownerId() + " sets no timeout";
    Value<Double> s = d.tightest().seconds();
    return seconds(s.get())
        + " s: "
        + d.tightest().what()
        + " of "
        + d.ownerId()
        + " ("
        + s.trace().get(0)
        + (s.isExplicit() ? ")" : ", default)");
  }

  private static String seconds(double s) {
    return BigDecimal.valueOf(s).stripTrailingZeros().toPlainString();
  }
}
