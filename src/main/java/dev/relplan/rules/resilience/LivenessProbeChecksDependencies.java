package dev.relplan.rules.resilience;

import dev.relplan.model.ComputeGroup;
import dev.relplan.model.HealthEndpoint;
import dev.relplan.model.Probe;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.rules.*;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A container whose liveness probe is its readiness probe, on a handler that checks dependencies:
 * when the dependency fails, every pod fails liveness together and the kubelet restarts them all.
 */
public final class LivenessProbeChecksDependencies extends BaseRule {
  public LivenessProbeChecksDependencies() {
    super(
        RuleMeta.builder("REL-LIVENESS-PROBE-CHECKS-DEPENDENCIES")
            .domain(Domain.RESILIENCE)
            .title("Liveness probe checks the dependencies the readiness probe checks")
            .bestPractices("REL11-BP01", "REL05-BP01")
            .impact(
                Impact.MINOR,
                "During a dependency outage every pod fails liveness at once and is restarted: the pods could not have fixed the outage, and when it ends they are cold-starting or in back-off instead of serving.")
            .likelihood(
                Likelihood.MEDIUM,
                "One dependency outage (the database, a downstream service) longer than the probe's failure threshold is enough.")
            .tier(Tier.QUICK_WIN)
            .effort("Minutes: point the liveness probe at a shallow endpoint")
            .services("Kubernetes")
            .remediation(
                "Keep the dependency checks on the readiness probe only (a pod that cannot reach its database stops receiving traffic) and give the liveness probe a separate shallow endpoint that fails only when the process itself is stuck, so a dependency outage does not restart every pod.")
            .advice(
                Fix.in(
                        Dialect.KUBERNETES,
                        "Probe readiness on the endpoint that checks dependencies and liveness on a shallow one.",
                        """
                containers:
                  - name: api
                    readinessProbe:
                      httpGet: {path: /health/ready, port: 8080}
                    livenessProbe:
                      httpGet: {path: /health/live, port: 8080}
                """)
                    .effort("Minutes: a shallow liveness endpoint and probe"))
            .formats(InputFormat.KUBERNETES)
            .build());
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    for (ComputeGroup g : w.all(ComputeGroup.class)) {
      if (g.kind != ComputeGroup.Kind.KUBERNETES_WORKLOAD) continue;
      for (Probe liveness : g.probes) {
        if (liveness.purpose != Probe.Purpose.LIVENESS) continue;
        HealthEndpoint handler = liveness.handler;
        if (handler == null || !handler.dependencyCheck.present()) continue;
        Probe readiness = readinessOf(g, liveness.container);
        if (readiness == null || !readiness.sameCheckAs(liveness)) continue;
        List<Location> probeLines = new ArrayList<>();
        probeLines.add(liveness.location);
        probeLines.add(readiness.location);
        for (Location l : liveness.httpPath.trace()) if (!probeLines.contains(l)) probeLines.add(l);
        Value<String> probes = Value.explicit(liveness.httpPath.get(), probeLines);
        Value<String> handlerLine =
            Value.explicit(handler.handler, List.of(handler.location))
                .withTrace(handler.dependencyCheck.trace());
        out.report(
            this,
            g,
            "Liveness probe of "
                + g.kubernetesName()
                + " checks the dependencies its readiness probe checks",
            "Container "
                + liveness.container
                + " of "
                + g.id
                + " probes liveness ("
                + liveness.location
                + ") and readiness ("
                + readiness.location
                + ") on the same endpoint, "
                + liveness.httpPath.get()
                + ", whose handler "
                + handler.handler
                + " ("
                + handler.location
                + ") checks a dependency ("
                + handler.dependencyCheck.get()
                + "): when that dependency fails, every pod fails liveness together and the kubelet"
                + " restarts all of them at once.",
            probes,
            handlerLine);
      }
    }
  }

  private static Probe readinessOf(ComputeGroup g, String container) {
    for (Probe p : g.probes)
      if (p.purpose == Probe.Purpose.READINESS && Objects.equals(p.container, container)) return p;
    return null;
  }
}
