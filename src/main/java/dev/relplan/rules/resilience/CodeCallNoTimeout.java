package dev.relplan.rules.resilience;

import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.rules.*;
import dev.relplan.source.Location;
import java.util.List;

/**
 * An outbound call in application code that can wait forever: no timeout set and no finite library
 * default.
 */
public final class CodeCallNoTimeout extends BaseRule {
  public CodeCallNoTimeout() {
    super(
        RuleMeta.builder("REL-CODE-CALL-NO-TIMEOUT")
            .flag("RP-NO-TIMEOUT")
            .domain(Domain.RESILIENCE)
            .title("Outbound call in application code has no timeout")
            .bestPractices("REL05-BP05")
            .impact(
                Impact.SEVERE,
                "A dependency that stops answering holds the calling thread and connection forever; the caller's pools fill up and it fails as well, spreading the outage.")
            .likelihood(
                Likelihood.MEDIUM,
                "Every remote dependency eventually hangs or slows down (network partitions, overloaded servers, half-open connections).")
            .tier(Tier.QUICK_WIN)
            .effort("Hours: set connect and read/response timeouts on the client")
            .remediation(
                "Set a connect timeout and a read/response (or whole-call) timeout on the client, shorter than the caller's own deadline (e.g. the Lambda or API Gateway timeout); for java.net.http set HttpRequest.Builder.timeout, for RestTemplate use a request factory with a read timeout, for WebClient set a responseTimeout or a timeout() operator.")
            .formats(InputFormat.CODE)
            .build());
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    List<Location> bounded = new java.util.ArrayList<>();
    for (Integration i : w.integrations) {
      if (i.timeout.isExplicit()) bounded.addAll(Findings.evidence(i, i.timeout));
      if (i.timeout.present()) continue;
      Value<String> client = clientValue(i);
      if (i.timeout.unresolved()) {
        out.report(this, i, "", "", i.timeout);
        continue;
      }
      out.report(
          this,
          i,
          i.client + " call in " + i.enclosing + " has no timeout",
          "The call at "
              + i.location
              + (i.target.present() ? " to " + i.target.get() : "")
              + " goes through "
              + i.client
              + (i.clientLocation != null ? " built at " + i.clientLocation : "")
              + ": "
              + i.timeout.note()
              + ".",
          client,
          i.timeout);
    }
    if (!bounded.isEmpty()) {
      long calls = w.integrations.stream().filter(i -> i.timeout.isExplicit()).count();
      out.strength(
          this,
          calls
              + " of "
              + w.integrations.size()
              + " outbound call(s) in application code set an explicit timeout",
          bounded.stream().distinct().limit(8).toList());
    }
    List<Integration> pools = w.integrations.stream().filter(i -> i.pool.isExplicit()).toList();
    if (!pools.isEmpty()) {
      out.strength(
          this,
          pools.size()
              + " database/cache client(s) in application code set connection-pool limits (pool size, wait for a connection, idle timeout)",
          pools.stream()
              .flatMap(i -> Findings.evidence(i, i.pool).stream())
              .distinct()
              .limit(8)
              .toList());
    }
  }

  /**
   * The client's construction line as a deciding value, so it follows the call line in the
   * evidence.
   */
  static Value<String> clientValue(Integration i) {
    return i.clientLocation == null || i.clientLocation.equals(i.location)
        ? Value.absent()
        : Value.explicit(i.client, List.of(i.clientLocation));
  }
}
