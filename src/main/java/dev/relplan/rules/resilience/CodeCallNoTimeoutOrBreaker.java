package dev.relplan.rules.resilience;

import dev.relplan.model.Integration;
import dev.relplan.model.Production;
import dev.relplan.model.Resource;
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
            .effort("Hours to days: add client timeouts, then a circuit breaker with a fallback")
            .remediation(
                "Give the call a timeout first; wrap calls to dependencies that can fail for long in a circuit breaker (Resilience4j CircuitBreaker, Failsafe) with a fallback (cached or default response, or a fast error) so the service degrades gracefully.")
            .advice(
                Fix.in(
                        Dialect.JAVASCRIPT,
                        "Give the request a timeout (an AbortSignal.timeout(ms) signal) and show the user an error or a retry button when it fires; in a browser each page would hold its own circuit breaker, so the breaker belongs on the service side the page calls.",
                        """
                const res = await fetch('/api/chat', { method: 'POST', body, signal: AbortSignal.timeout(10000) });
                """)
                    .when(
                        "code run in users' browsers", CodeCallNoTimeoutOrBreaker::runsOnUsersSide),
                Fix.in(
                        Dialect.CSHARP,
                        "Give each call a deadline (gRPC: deadline: DateTime.UtcNow.AddSeconds(5); HttpClient: Timeout) and let the user retry when it fires; the app's users each hold their own breaker, so the circuit breaker belongs in the service the app calls.",
                        """
                var reply = await _client.GetBasketAsync(request, deadline: DateTime.UtcNow.AddSeconds(5));
                """)
                    .when(
                        "a device or browser app (.NET MAUI, Blazor WebAssembly)",
                        CodeCallNoTimeoutOrBreaker::runsOnUsersSide),
                Fix.in(
                    Dialect.JAVA,
                    "Give the call a timeout first, then wrap it in a Resilience4j CircuitBreaker with a fallback (a cached or default response, or a fast error) so the service degrades gracefully.",
                    """
                CircuitBreaker breaker = CircuitBreaker.ofDefaults("payments");
                Supplier<Receipt> guarded =
                    CircuitBreaker.decorateSupplier(breaker, () -> payments.charge(order));
                Receipt receipt = Try.ofSupplier(guarded).recover(e -> Receipt.pending(order)).get();
                """),
                Fix.in(
                    Dialect.PYTHON,
                    "Give the call a timeout first, then stop calling a failing dependency for a while: a circuit breaker such as pybreaker around the call, with a fallback (a cached or default response, or a fast error).",
                    """
                import pybreaker

                payments_breaker = pybreaker.CircuitBreaker(fail_max=5, reset_timeout=30)

                @payments_breaker
                def charge(order):
                    return requests.post(PAYMENTS_URL, json=order, timeout=(2, 5))
                """),
                Fix.in(
                    Dialect.GO,
                    "Give the call a context deadline first, then wrap it in a circuit breaker such as sony/gobreaker with a fallback (a cached or default response, or a fast error).",
                    """
                var breaker = gobreaker.NewCircuitBreaker(gobreaker.Settings{Name: "stock"})

                result, err := breaker.Execute(func() (interface{}, error) {
                	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
                	defer cancel()
                	return fetchStock(ctx, sku)
                })
                """),
                Fix.in(
                    Dialect.CSHARP,
                    "Give the call a timeout first, then add a Polly circuit breaker (through Microsoft.Extensions.Http.Resilience or a Polly pipeline) with a fallback.",
                    """
                services.AddHttpClient<QuotesClient>()
                    .AddStandardResilienceHandler(); // timeout, retry and circuit breaker
                """),
                Fix.in(
                    Dialect.JAVASCRIPT,
                    "Give the call a timeout first, then wrap it in a circuit breaker such as opossum with a fallback (a cached or default response, or a fast error).",
                    """
                const CircuitBreaker = require('opossum');

                const breaker = new CircuitBreaker(getRates, { timeout: 5000, errorThresholdPercentage: 50, resetTimeout: 30000 });
                breaker.fallback(() => cachedRates());
                const rates = await breaker.fire(region);
                """))
            .formats(InputFormat.CODE)
            .build());
  }

  /** A call made by code on the users' side (docs/judgment.md): its breaker belongs upstream. */
  private static boolean runsOnUsersSide(Resource subject) {
    return subject instanceof Integration call && Production.isClientApp(call.environment);
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    List<Location> protectedCalls = new ArrayList<>();
    for (Integration i : w.integrations) {
      if (i.kind == Integration.Kind.DATABASE || i.kind == Integration.Kind.MESSAGING) continue;
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
