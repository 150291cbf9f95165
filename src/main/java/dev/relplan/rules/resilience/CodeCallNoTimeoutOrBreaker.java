package dev.relplan.rules.resilience;

import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.rules.*;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * A call to an external service (HTTP or AWS API) protected by neither a timeout nor a circuit
 * breaker.
 */
public final class CodeCallNoTimeoutOrBreaker extends BaseRule {
  public CodeCallNoTimeoutOrBreaker() {
    super(
        RuleMeta.builder("REL-CODE-CALL-NO-TIMEOUT-OR-BREAKER")
            .flag("FT-NO-TIMEOUT-CIRCUIT-BREAKER")
            .domain(Domain.RESILIENCE)
            .title("External service call has neither a timeout nor a circuit breaker")
            .bestPractices("REL05-BP05", "REL05-BP01")
            .impact(
                Impact.SEVERE,
                "When the dependency degrades, every request keeps calling it and waiting without bound: the failure cascades into this service instead of failing fast.")
            .likelihood(
                Likelihood.MEDIUM,
                "External dependencies degrade regularly; without either guard the first slow period propagates.")
            .tier(Tier.QUICK_WIN)
            .effort(
                "Hours to days: add client timeouts, then a circuit breaker (e.g. Resilience4j) with a fallback")
            .remediation(
                "Give the call a timeout first; wrap calls to dependencies that can fail for long in a circuit breaker (Resilience4j CircuitBreaker, Failsafe) with a fallback (cached or default response, or a fast error) so the service degrades gracefully.")
            .formats(InputFormat.CODE)
            .build());
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    List<Location> protectedCalls = new ArrayList<>();
    for (Integration i : w.integrations) {
      if (i.kind == Integration.Kind.DATABASE) continue;
      if (i.circuitBreaker.present()) {
        protectedCalls.addAll(Findings.evidence(i, i.circuitBreaker));
        continue;
      }
      if (i.timeout.present()) continue;
      if (i.timeout.unresolved()) {
        out.report(this, i, "", "", i.timeout);
        continue;
      }
      Value<String> client = CodeCallNoTimeout.clientValue(i);
      out.report(
          this,
          i,
          i.client + " call in " + i.enclosing + " has no timeout and no circuit breaker",
          "The call at "
              + i.location
              + (i.target.present() ? " to " + i.target.get() : "")
              + " is not wrapped in a circuit breaker and "
              + i.timeout.note()
              + ".",
          client,
          i.timeout);
    }
    if (!protectedCalls.isEmpty()) {
      out.strength(
          this,
          "Outbound calls protected by circuit breakers ("
              + protectedCalls.stream().map(Location::file).distinct().count()
              + " file(s))",
          protectedCalls.stream().distinct().limit(8).toList());
    }
  }
}
