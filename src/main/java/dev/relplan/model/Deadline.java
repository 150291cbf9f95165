package dev.relplan.model;

import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * How long the caller of some code waits for it: the smallest of the limits the model knows. The
 * code is a Lambda function's (the integration timeout of each API Gateway integration that invokes
 * it, the visibility timeout of each SQS queue it consumes, and its own timeout) or a health
 * handler's that probes call (each probe's timeout). {@code tightest} is the smallest resolved
 * limit (null when none is known); {@code unresolved} the first limit that cannot be resolved (null
 * when every one is), which may be smaller still.
 *
 * <p>{@code ownerId} names what runs the code where a limit is said to be "of" it (a function's id,
 * a workload's name); {@code title} and {@code subject} name it in a finding's title and
 * description; {@code impactReason} says what the overrun breaks, null for the rule's own reason.
 */
public record Deadline(
    String ownerId,
    String title,
    String subject,
    String impactReason,
    Limit tightest,
    Limit unresolved) {

  /**
   * One limit on the code's run time, in seconds, with the lines that set it, and what happens when
   * it passes while a call still waits.
   */
  public record Limit(String what, Value<Double> seconds, String consequence) {}

  /**
   * The deadline of a function. Limits set by a default cite the line of the resource they belong
   * to, so that every deadline has a line in the infrastructure code. The invokers are indexed once
   * per workload by the caller: looking them up per function would read every integration and
   * mapping once per function, quadratic on a large repository (311 s on the 100k-file corpus).
   */
  public static Deadline of(Function f, Workload w, Invokers invokers) {
    List<Limit> limits = new ArrayList<>();
    for (ApiIntegration i : invokers.apis.getOrDefault(f, List.of())) {
      limits.add(
          new Limit(
              "the " + i.apiKind + " API integration timeout",
              cited(i.timeoutMillis.map(ms -> ms / 1000.0), i.location),
              "the API answers 504 before the call gives up"));
    }
    for (EventSourceMapping m : invokers.mappings.getOrDefault(f, List.of())) {
      Queue q = m.source.present() ? w.resolve(m.source.get(), Queue.class) : null;
      if (q != null)
        limits.add(
            new Limit(
                "the visibility timeout of queue " + q.id,
                cited(q.visibilityTimeout.map(Integer::doubleValue), q.location),
                "the message is delivered again while the call still waits"));
    }
    limits.add(
        new Limit(
            "the function's own timeout",
            cited(f.timeoutSeconds.map(Integer::doubleValue), f.location),
            "Lambda stops the function before the call gives up, with no chance to handle the"
                + " failure"));
    return tightestOf(f.id, f.id, "Function " + f.id, null, limits);
  }

  /** The deadline of the smallest of {@code limits}, and the first unresolved one. */
  public static Deadline tightestOf(
      String ownerId, String title, String subject, String impactReason, List<Limit> limits) {
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
    return new Deadline(ownerId, title, subject, impactReason, tightest, unresolved);
  }

  /** The API integrations and event source mappings of a workload by the function they invoke. */
  public static final class Invokers {
    private final Map<Function, List<ApiIntegration>> apis = new IdentityHashMap<>();
    private final Map<Function, List<EventSourceMapping>> mappings = new IdentityHashMap<>();

    public Invokers(Workload w) {
      for (ApiIntegration i : w.all(ApiIntegration.class)) {
        Function f = invoked(w, i.function);
        if (f != null) apis.computeIfAbsent(f, k -> new ArrayList<>()).add(i);
      }
      for (EventSourceMapping m : w.all(EventSourceMapping.class)) {
        Function f = invoked(w, m.function);
        if (f != null) mappings.computeIfAbsent(f, k -> new ArrayList<>()).add(m);
      }
    }
  }

  /** The function a reference names, directly or through an alias; null when it names none. */
  private static Function invoked(Workload w, Value<Object> reference) {
    if (!reference.present()) return null;
    Resource target = w.resolve(reference.get());
    if (target instanceof Alias a && a.function.present()) target = w.resolve(a.function.get());
    return target instanceof Function f ? f : null;
  }

  /** A value citing its owner's line when nothing else does (a default). */
  static Value<Double> cited(Value<Double> v, Location at) {
    return v.trace().isEmpty() ? v.withTrace(List.of(at)) : v;
  }
}
