package dev.relplan.model;

import java.util.ArrayList;
import java.util.List;

/**
 * How long a Lambda function's caller waits for it: the smallest of the limits the model knows —
 * the integration timeout of each API Gateway integration that invokes it, the visibility timeout
 * of each SQS queue it consumes, and its own timeout. {@code tightest} is the smallest resolved
 * limit (null when none is known); {@code unresolved} the first limit that cannot be resolved (null
 * when every one is), which may be smaller still.
 */
public record Deadline(Function function, Limit tightest, Limit unresolved) {

  /** One limit on the function's run time, in seconds, with the lines that set it. */
  public record Limit(String what, Value<Double> seconds) {}

  /**
   * The deadline of a function. Limits set by a default cite the line of the resource they belong
   * to, so that every deadline has a line in the infrastructure code.
   */
  public static Deadline of(Function f, Workload w) {
    List<Limit> limits = new ArrayList<>();
    for (ApiIntegration i : w.all(ApiIntegration.class)) {
      if (invokes(w, i.function, f))
        limits.add(
            new Limit(
                "the " + i.apiKind + " API integration timeout",
                cited(i.timeoutMillis.map(ms -> ms / 1000.0), i)));
    }
    for (EventSourceMapping m : w.all(EventSourceMapping.class)) {
      Queue q = m.source.present() ? w.resolve(m.source.get(), Queue.class) : null;
      if (q != null && invokes(w, m.function, f))
        limits.add(
            new Limit(
                "the visibility timeout of queue " + q.id,
                cited(q.visibilityTimeout.map(Integer::doubleValue), q)));
    }
    limits.add(
        new Limit(
            "the function's own timeout", cited(f.timeoutSeconds.map(Integer::doubleValue), f)));
    Limit tightest = null;
    Limit unresolved = null;
    for (Limit l : limits) {
      if (l.seconds().unresolved()) {
        if (unresolved == null) unresolved = l;
      } else if (l.seconds().present()
          && (tightest == null || l.seconds().get() < tightest.seconds().get())) {
        tightest = l;
      }
    }
    return new Deadline(f, tightest, unresolved);
  }

  /** Whether a function reference (direct, or through an alias) names {@code f}. */
  private static boolean invokes(Workload w, Value<Object> reference, Function f) {
    if (!reference.present()) return false;
    Resource target = w.resolve(reference.get());
    if (target instanceof Alias a && a.function.present()) target = w.resolve(a.function.get());
    return target == f;
  }

  /** A value citing its resource's line when nothing else does (a default). */
  private static Value<Double> cited(Value<Double> v, Resource r) {
    return v.trace().isEmpty() ? v.withTrace(List.of(r.location)) : v;
  }
}
