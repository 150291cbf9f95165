package dev.relplan.assess;

import dev.relplan.assess.Roles.Data;
import dev.relplan.assess.Roles.Path;
import dev.relplan.assess.Roles.Role;
import dev.relplan.model.ComputeGroup;
import dev.relplan.model.EventHandler;
import dev.relplan.model.Function;
import dev.relplan.model.HealthEndpoint;
import dev.relplan.model.Integration;
import dev.relplan.model.Production;
import dev.relplan.model.Table;
import dev.relplan.model.Value;
import dev.relplan.rules.Finding;
import dev.relplan.rules.Impact;
import dev.relplan.rules.Likelihood;
import dev.relplan.rules.Risk;
import dev.relplan.rules.resilience.CodeCallExceedsDeadline;
import dev.relplan.rules.resilience.CodeCallNoRetry;
import dev.relplan.source.Location;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * Rates each finding's impact from the role of the resource it is on ({@link Roles}) rather than
 * one impact per rule: the same gap is Severe on the synchronous request path and Moderate on a
 * scheduled job; losing data of record is Severe and losing expiring session data is Minor. The
 * rule's own impact stands when the role cannot be derived, and the reason says so. Likelihood
 * stays the rule's: it follows from the mechanism (a normal event, one component's failure, or
 * several at once).
 */
final class Criticality {
  /** Gaps whose consequence is the component being unavailable or overloaded. */
  static final Set<String> AVAILABILITY =
      Set.of(
          "REL-DB-SINGLE-AZ",
          "REL-COMPUTE-SINGLE-AZ",
          "REL-COMPUTE-FIXED",
          "REL-STATEFUL-NO-REPLICATION",
          "REL-LB-HEALTH-CHECK",
          "REL-SCALING-NO-POLICY",
          "REL-ASG-MIN-EQUALS-MAX",
          "REL-DYNAMODB-FIXED-CAPACITY",
          "REL-KINESIS-FIXED-CAPACITY",
          "REL-LAMBDA-NO-RESERVED-CONCURRENCY",
          "REL-API-NO-THROTTLING",
          "REL-DEPLOY-ALL-AT-ONCE",
          "REL-DEPLOY-NO-AUTO-ROLLBACK",
          "REL-CODE-CALL-NO-TIMEOUT",
          "REL-CODE-CALL-NO-TIMEOUT-OR-BREAKER",
          "REL-CODE-SDK-RETRIES-DISABLED");

  /** Gaps whose consequence is losing stored data. */
  static final Set<String> DURABILITY =
      Set.of(
          "REL-BACKUP-MISSING",
          "REL-BACKUP-SHORT-RETENTION",
          "REL-BACKUP-NO-CROSS-REGION",
          "REL-DATA-DELETION-POLICY");

  /** Gaps whose consequence is losing events that failed processing. */
  static final Set<String> EVENT_LOSS = Set.of("REL-ASYNC-NO-DLQ");

  /**
   * Users beyond which a component is shared widely enough to be rated Severe whatever its path.
   */
  static final int WIDE_FAN_IN = 3;

  private Criticality() {}

  /** Every finding rated from its subject's role. */
  static List<Finding> rate(List<Finding> findings, Roles roles) {
    return findings.stream().map(f -> rate(f, roles.of(f.subject()))).toList();
  }

  static Finding rate(Finding f, Role role) {
    String id = f.rule().id();
    if (f.subject() == null) return f;
    if (id.equals("REL-DYNAMODB-FIXED-CAPACITY")) f = capacityBelowFrontDoor(f, role);
    if (AVAILABILITY.contains(id)) return availability(f, role);
    if (DURABILITY.contains(id)) return durability(f, role);
    if (EVENT_LOSS.contains(id)) return eventLoss(f, role);
    if (id.equals(CodeCallExceedsDeadline.ID)) return deadline(f, role);
    if (id.equals(CodeCallNoRetry.ID)) return noRetry(f, role);
    return f;
  }

  /**
   * An HTTP request safe to retry that nothing retries. The seed's RP-NO-RETRY is about SDK
   * clients, which retry by default; a request to another service fails on a transient error that
   * one more attempt would absorb, and its caller sees the error: Minor (the next request
   * succeeds), so unflagged. Likely when the dependency is reached over the internet by a literal
   * public host on the request path, else Medium: Low risk for an internal or unnamed dependency,
   * Medium for a public one on the request path.
   */
  private static Finding noRetry(Finding f, Role role) {
    boolean publicHost =
        f.subject() instanceof Integration i && i.target.present() && publicHost(i.target.get());
    Finding unflagged = f.withoutFlag();
    if (publicHost && role.path() == Path.REQUEST)
      unflagged =
          unflagged.withLikelihood(
              Likelihood.HIGH,
              "The dependency is reached over the internet by a public host name: resets, 502s and"
                  + " 503s from a third party are routine, and every failed attempt fails a request.");
    return rated(
        unflagged,
        role,
        Impact.MINOR,
        "The request fails on a transient error, and the next one most likely succeeds."
            + pathOf(role));
  }

  /** A host name that is not loopback, private, cluster-internal or single-label. */
  static boolean publicHost(String target) {
    String host = target.replaceFirst("^[a-z]+://", "").replaceFirst("[:/].*$", "");
    if (!host.contains(".") || host.equals("localhost")) return false;
    for (String internal : List.of(".internal", ".local", ".svc", ".cluster", ".lan", ".corp"))
      if (host.endsWith(internal) || host.contains(internal + ".")) return false;
    return !host.matches("(10|127|192\\.168|172\\.(1[6-9]|2\\d|3[01]))\\..*");
  }

  /**
   * A call that can outwait its function's deadline. An AWS SDK client left at its defaults bounds
   * every attempt and retries only transient errors, and AWS endpoints answer well inside those
   * defaults except during a service event: not the seed's call without a timeout, so unflagged and
   * unlikely, Moderate on the request path and Minor where work waits at its source. A timeout
   * written too long, or another library's default, keeps the flag.
   */
  private static Finding deadline(Finding f, Role role) {
    boolean sdkDefaults =
        f.subject() instanceof Integration i
            && i.kind == Integration.Kind.AWS_SDK
            && !i.attemptSeconds.isExplicit();
    if (!sdkDefaults) return rated(f, role, f.impact(), f.impactReason() + pathOf(role));
    Impact impact = role.path() == Path.REQUEST ? Impact.MODERATE : Impact.MINOR;
    return rated(
        f.withoutFlag()
            .withLikelihood(
                Likelihood.LOW,
                "The SDK's defaults bound every attempt; AWS endpoints answer well inside them except"
                    + " during a service event, when the retries multiply the wait."),
        role,
        impact,
        (impact == Impact.MODERATE
                ? "Requests wait past the deadline only while the AWS service stalls."
                : "Work waits at its source and is retried if the function is stopped mid-call.")
            + pathOf(role));
  }

  private static String pathOf(Role role) {
    return role.path() == Path.UNKNOWN || role.pathReason().isEmpty()
        ? ""
        : " The call runs " + role.pathReason() + ".";
  }

  private static Finding availability(Finding f, Role role) {
    Impact impact;
    String why;
    switch (role.path()) {
      case REQUEST -> {
        impact = Impact.SEVERE;
        why =
            "On the synchronous request path ("
                + role.pathReason()
                + "): failing here fails requests.";
      }
      case ASYNC -> {
        impact = Impact.MODERATE;
        why =
            "Asynchronous processing ("
                + role.pathReason()
                + "): a failure here delays work, which waits at its source and is retried.";
      }
      case SCHEDULED -> {
        impact = Impact.MODERATE;
        why =
            "A scheduled job (" + role.pathReason() + "): a failure here delays or misses one run.";
      }
      default -> {
        String unknown =
            "No request, event or schedule in the scanned files was traced to it, so the rule's"
                + " rating stands.";
        if (isCode(f) && role.via() != null)
          // Rated afresh so the function's environment applies to its code.
          return rated(
              f,
              role,
              f.rule().impact(),
              f.rule().impactReason()
                  + " It runs "
                  + role.pathReason()
                  + "; no request, event or schedule in the scanned files was traced to it.");
        return noted(f, unknown);
      }
    }
    if (impact == Impact.SEVERE && spreadNotRequired(f)) {
      impact = Impact.MODERATE;
      why +=
          " Rated Moderate: several replicas run and the scheduler usually places them in"
              + " different zones, but nothing requires it, so a zone failure may take some or all"
              + " of them down until they are rescheduled.";
    }
    if (impact != Impact.SEVERE && role.users().size() >= WIDE_FAN_IN) {
      impact = Impact.SEVERE;
      why +=
          " Rated Severe: "
              + role.users().size()
              + " components use it ("
              + String.join(", ", role.users())
              + ").";
    }
    return rated(f, role, impact, why);
  }

  /**
   * A provisioned table used on the request path behind an API that admits more requests per second
   * than the table's capacity units: an ordinary burst is throttled, so it is likely.
   */
  private static Finding capacityBelowFrontDoor(Finding f, Role role) {
    if (!(f.subject() instanceof Table t) || !role.admittedRate().present()) return f;
    double rate = role.admittedRate().get();
    Value<Integer> units =
        t.writeCapacity.present()
                && (!t.readCapacity.present() || t.writeCapacity.get() <= t.readCapacity.get())
            ? t.writeCapacity
            : t.readCapacity;
    if (!units.present() || units.get() >= rate) return f;
    return f.withEvidence(role.admittedRate().trace())
        .withLikelihood(
            Likelihood.HIGH,
            "The API in front of "
                + role.via().id
                + " admits "
                + BigDecimal.valueOf(rate).stripTrailingZeros().toPlainString()
                + " requests/s ("
                + first(role.admittedRate().trace())
                + ") while the table is provisioned for "
                + units.get()
                + " capacity units ("
                + first(units.trace())
                + "): an ordinary burst is throttled.");
  }

  private static Finding durability(Finding f, Role role) {
    if (role.data() == Data.TRANSIENT) {
      Finding minor =
          rated(
              f.withoutFlag(),
              role,
              Impact.MINOR,
              "Holds transient data ("
                  + role.dataReason()
                  + "): lost items are recreated (sessions re-established, caches refilled) rather than restored.");
      return minor;
    }
    if (role.data() == Data.RECORD && role.path() != Path.UNKNOWN)
      return noted(f, "A store of record (" + role.dataReason() + "), " + role.pathReason() + ".");
    if (role.data() == Data.RECORD)
      return noted(f, "A store of record (" + role.dataReason() + ").");
    return f;
  }

  private static Finding eventLoss(Finding f, Role role) {
    if (f.subject() instanceof Function fn && ticksOnly(fn))
      return rated(
          f.withoutFlag(),
          role,
          Impact.MODERATE,
          "It serves requests, and its only asynchronous invocations are schedules ("
              + first(
                  fn.triggers.stream()
                      .filter(Function.Trigger::async)
                      .map(t -> t.location())
                      .toList())
              + "): a failed tick (a keep-warm ping or periodic housekeeping) is dropped after its"
              + " retries and the next one starts afresh; no event carrying work is lost.");
    if (role.path() == Path.SCHEDULED)
      return rated(
          f,
          role,
          Impact.MODERATE,
          "A scheduled job ("
              + role.pathReason()
              + "): a failed run is dropped after its retries and the next run starts afresh.");
    return f;
  }

  /** A request handler whose asynchronous invocations are all schedule ticks (warmers, jobs). */
  private static boolean ticksOnly(Function fn) {
    List<Function.Trigger> async = fn.triggers.stream().filter(Function.Trigger::async).toList();
    return fn.servesApi()
        && !async.isEmpty()
        && async.stream().allMatch(t -> t.kind().startsWith("SCHEDULE"));
  }

  /**
   * The finding at the role's impact; a non-production subject stays one level lower. Code is as
   * production as the function it runs in.
   */
  private static Finding rated(Finding f, Role role, Impact impact, String why) {
    Production.Verdict prod =
        Production.of(isCode(f) && role.via() != null ? role.via() : f.subject());
    if (!prod.production() && impact != Impact.MINOR) {
      impact = impact.lower();
      why += " Rated one level lower: not production (" + prod.reason() + ").";
    }
    if (f.flag() != null
        && prod.production()
        && !Risk.of(impact, f.likelihood()).atLeast(Risk.HIGH)) {
      // The seed's "MUST flag as HIGH RISK" holds in production: the impact is kept where
      // impact × likelihood still gives High.
      Impact held = f.likelihood() == Likelihood.HIGH ? Impact.MODERATE : Impact.SEVERE;
      why +=
          " On its own that is "
              + impact.title
              + "; rated "
              + held.title
              + " so the risk stays High, as the seed flags "
              + f.flag()
              + " as high risk in production.";
      impact = held;
    }
    return f.withImpact(impact, why);
  }

  /**
   * A zone finding on compute whose several instances are not required to spread across zones: a
   * zone failure is possible but not certain to take all of them, so it weighs less than one
   * instance.
   */
  private static boolean spreadNotRequired(Finding f) {
    return f.rule().id().equals("REL-COMPUTE-SINGLE-AZ")
        && f.subject() instanceof ComputeGroup g
        && g.zoneSpread.isFalse();
  }

  private static boolean isCode(Finding f) {
    return f.subject() instanceof Integration
        || f.subject() instanceof EventHandler
        || f.subject() instanceof HealthEndpoint;
  }

  /** The rule's rating, with the role stated. */
  private static Finding noted(Finding f, String role) {
    return f.withImpact(f.impact(), f.impactReason() + " " + role);
  }

  private static String first(List<Location> trace) {
    return trace.isEmpty() ? "?" : trace.get(0).toString();
  }
}
