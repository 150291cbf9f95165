package dev.relplan.rules.resilience;

import dev.relplan.model.ComputeGroup;
import dev.relplan.model.HealthEndpoint;
import dev.relplan.model.Probe;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.rules.*;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
            .advice(
                Fix.in(
                    Dialect.JAVA,
                    "Make the readiness endpoint verify what the instance needs to serve requests (a cheap database query, a ping of the cache or queue, with a short timeout), e.g. a Spring Boot Actuator HealthIndicator; keep a separate shallow liveness endpoint for restarts.",
                    """
                @Component
                class DatabaseReadiness implements HealthIndicator {
                  private final JdbcTemplate jdbc;

                  DatabaseReadiness(JdbcTemplate jdbc) {
                    this.jdbc = jdbc;
                  }

                  @Override
                  public Health health() {
                    jdbc.queryForObject("SELECT 1", Integer.class);
                    return Health.up().build();
                  }
                }
                """),
                Fix.in(
                    Dialect.PYTHON,
                    "Make the readiness endpoint verify what the instance needs to serve requests (a cheap database query, a ping of the cache or queue, with a short timeout) and answer 503 when it fails; keep a separate shallow liveness endpoint for restarts.",
                    """
                @app.get("/health/ready")
                def ready():
                    try:
                        db.session.execute(text("SELECT 1"))
                    except Exception:
                        return {"status": "unavailable"}, 503
                    return {"status": "ok"}
                """),
                Fix.in(
                    Dialect.GO,
                    "Make the readiness handler verify what the instance needs to serve requests (db.PingContext with a short deadline, a ping of the cache) and answer 503 when it fails; keep a separate shallow liveness handler for restarts.",
                    """
                func ready(w http.ResponseWriter, r *http.Request) {
                	ctx, cancel := context.WithTimeout(r.Context(), time.Second)
                	defer cancel()
                	if err := db.PingContext(ctx); err != nil {
                		http.Error(w, "database unavailable", http.StatusServiceUnavailable)
                		return
                	}
                	w.WriteHeader(http.StatusOK)
                }
                """),
                Fix.in(
                    Dialect.CSHARP,
                    "Register health checks for the dependencies the instance needs (AddHealthChecks with a database or cache check) on the readiness endpoint; keep a separate shallow liveness endpoint for restarts.",
                    """
                builder.Services.AddHealthChecks()
                    .AddCheck<DatabaseHealthCheck>("database", tags: new[] { "ready" });
                app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
                """),
                Fix.in(
                    Dialect.JAVASCRIPT,
                    "Make the readiness route verify what the instance needs to serve requests (a cheap database query, a ping of the cache, with a short timeout) and answer 503 when it fails; keep a separate shallow liveness route for restarts.",
                    """
                app.get('/health/ready', async (req, res) => {
                  try {
                    await pool.query('SELECT 1');
                    res.sendStatus(200);
                  } catch (err) {
                    res.sendStatus(503);
                  }
                });
                """))
            .formats(InputFormat.CODE, InputFormat.KUBERNETES)
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
      List<Location> probeLines = new ArrayList<>();
      List<String> probing = new ArrayList<>();
      java.util.Set<String> decisions = new java.util.LinkedHashSet<>();
      Set<Probe.Purpose> purposes = EnumSet.noneOf(Probe.Purpose.class);
      for (ComputeGroup g : w.all(ComputeGroup.class))
        for (Probe p : g.probes) {
          if (p.handler != e) continue;
          probeLines.add(p.location);
          purposes.add(p.purpose);
          decisions.add(
              switch (p.purpose) {
                case READINESS -> "whether they receive Service traffic";
                case LIVENESS -> "whether they are restarted";
                case STARTUP -> "when they count as started";
              });
          for (Location l : p.httpPath.trace()) if (!probeLines.contains(l)) probeLines.add(l);
          probing.add(
              "the "
                  + p.purpose.name().toLowerCase(Locale.ROOT)
                  + " probe of "
                  + g.id
                  + " ("
                  + p.location
                  + ")");
        }
      // A shallow liveness endpoint is what the remediation asks for: restarts must not follow a
      // dependency outage. Only a handler that nothing but liveness probes reach is left alone.
      if (purposes.equals(EnumSet.of(Probe.Purpose.LIVENESS))) continue;
      Value<String> probes =
          probeLines.isEmpty() ? Value.absent() : Value.explicit("probe", probeLines);
      out.report(
          this,
          e,
          "Health endpoint " + e.path + " (" + e.handler + ") always answers success",
          "The handler of "
              + e.path
              + " makes no call beyond building its response"
              + (e.response != null ? " (" + e.response + ")" : "")
              + ": it reports healthy even when the instance cannot reach its database or downstream services."
              + (probing.isEmpty()
                  ? ""
                  : " It answers "
                      + String.join(", ", probing)
                      + ": Kubernetes' traffic decisions for those pods ("
                      + String.join(", ", decisions)
                      + ") rest on this constant answer."),
          answer,
          probes);
    }
    if (!deep.isEmpty())
      out.strength(
          this,
          "Health endpoints check dependencies before answering",
          deep.stream().distinct().limit(8).toList());
  }
}
