package dev.relplan.rules.resilience;

import dev.relplan.model.HealthEndpoint;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.rules.*;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;

/** A health or readiness endpoint that answers success without touching any dependency. */
public final class CodeShallowHealthCheck extends BaseRule {
  public CodeShallowHealthCheck() {
    super(
        RuleMeta.builder("REL-CODE-SHALLOW-HEALTH-CHECK")
            .flag("RP-SHALLOW-HEALTH-CHECK")
            .domain(Domain.RESILIENCE)
            .title("Health check endpoint returns success without checking any dependency")
            .bestPractices("REL11-BP01", "REL11-BP03")
            .impact(
                Impact.SEVERE,
                "Load balancers and orchestrators keep routing traffic to an instance whose database or downstream connection is broken, because its health check still answers OK.")
            .likelihood(
                Likelihood.MEDIUM,
                "A lost database connection, exhausted pool or expired credential on one instance is enough.")
            .tier(Tier.QUICK_WIN)
            .effort("Hours: make the readiness check verify the critical dependencies")
            .remediation(
                "Make the health/readiness endpoint verify what the instance needs to serve requests (a cheap database query, a ping of the cache or queue it depends on, with a short timeout), e.g. Spring Boot Actuator health indicators; keep a separate shallow liveness endpoint for restarts.")
            .formats(InputFormat.CODE)
            .build());
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    List<Location> deep = new ArrayList<>();
    for (HealthEndpoint e : w.healthEndpoints) {
      if (e.dependencyCheck.present()) {
        deep.addAll(Findings.evidence(e, e.dependencyCheck));
        continue;
      }
      Value<String> answer =
          e.response == null
              ? Value.absent()
              : Value.explicit("constant response", List.of(e.response));
      out.report(
          this,
          e,
          "Health endpoint " + e.path + " (" + e.handler + ") always answers success",
          "The handler of "
              + e.path
              + " makes no call beyond building its response"
              + (e.response != null ? " (" + e.response + ")" : "")
              + ": it reports healthy even when the instance cannot reach its database or downstream services.",
          answer);
    }
    if (!deep.isEmpty())
      out.strength(
          this,
          "Health endpoints check dependencies before answering",
          deep.stream().distinct().limit(8).toList());
  }
}
