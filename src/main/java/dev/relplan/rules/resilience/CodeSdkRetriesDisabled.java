package dev.relplan.rules.resilience;

import dev.relplan.model.Integration;
import dev.relplan.model.Workload;
import dev.relplan.rules.*;
import dev.relplan.source.Location;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An AWS SDK client built with retries switched off: every throttle or transient error reaches the
 * caller.
 */
public final class CodeSdkRetriesDisabled extends BaseRule {
  public CodeSdkRetriesDisabled() {
    super(
        RuleMeta.builder("REL-CODE-SDK-RETRIES-DISABLED")
            .flag("RP-NO-RETRY")
            .domain(Domain.RESILIENCE)
            .title("AWS SDK client has retries disabled")
            .bestPractices("REL05-BP03")
            .impact(
                Impact.SEVERE,
                "Throttling and transient service errors, which the SDK would absorb by retrying with backoff and jitter, fail the request instead.")
            .likelihood(
                Likelihood.MEDIUM,
                "Throttling and transient 5xx responses from AWS APIs are routine under load.")
            .tier(Tier.QUICK_WIN)
            .effort("Minutes: remove the override or set a bounded retry strategy")
            .remediation(
                "Keep the SDK's default retry strategy (exponential backoff with jitter), or configure a bounded one (e.g. standard mode with 3 attempts) instead of RetryPolicy.none()/numRetries(0); make retried operations idempotent.")
            .formats(InputFormat.CODE)
            .build());
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    // One finding per client: the retry setting belongs to where the client is built.
    Map<Location, Integration> byClient = new LinkedHashMap<>();
    for (Integration i : w.integrations) {
      if (i.kind != Integration.Kind.AWS_SDK || !i.retriesDisabled.isTrue()) continue;
      byClient.putIfAbsent(i.clientLocation != null ? i.clientLocation : i.location, i);
    }
    for (Map.Entry<Location, Integration> e : byClient.entrySet()) {
      Integration call = e.getValue();
      Integration client =
          new Integration(
              e.getKey().file(), call.enclosing, call.kind, call.client, call.language, e.getKey());
      client.target = call.target;
      out.report(
          this,
          client,
          "AWS SDK client built at " + e.getKey() + " never retries",
          "The client used by "
              + call.enclosing
              + " ("
              + call.location
              + ") disables retries: "
              + call.retry.get()
              + ". Throttling and transient errors are returned to the caller on the first attempt.",
          call.retriesDisabled);
    }
  }
}
