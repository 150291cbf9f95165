package dev.relplan.rules.resilience;

import dev.relplan.model.EventHandler;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.rules.*;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * A Lambda handler or message listener fed by an at-least-once event source that does nothing
 * against duplicates.
 */
public final class CodeEventHandlerNoIdempotency extends BaseRule {
  public CodeEventHandlerNoIdempotency() {
    super(
        RuleMeta.builder("REL-CODE-EVENT-HANDLER-NO-IDEMPOTENCY")
            .flag("RP-NO-IDEMPOTENCY")
            .domain(Domain.RESILIENCE)
            .title("Event-driven handler has no idempotency or deduplication")
            .bestPractices("REL04-BP04", "REL05-BP03")
            .impact(
                Impact.SEVERE,
                "SQS, SNS, EventBridge and stream sources, and Kafka, RabbitMQ and JMS brokers, deliver at least once and retry failed batches: a redelivered event is processed twice (double charge, duplicate order, repeated email).")
            .likelihood(
                Likelihood.MEDIUM,
                "Redelivery happens on every retry, partial batch failure, visibility-timeout expiry, consumer timeout or rebalance.")
            .tier(Tier.FOUNDATION)
            .effort("Days: add an idempotency key store or conditional writes")
            .services("Lambda", "DynamoDB")
            .remediation(
                "Make the handler or listener idempotent: Powertools for AWS Lambda idempotency (@idempotent / @Idempotent with a DynamoDB persistence layer) keyed on the message or event id, or conditional writes (attribute_not_exists) / a deduplication table; for SQS consider FIFO queues with deduplication ids.")
            .formats(InputFormat.CLOUDFORMATION, InputFormat.TERRAFORM, InputFormat.CODE)
            .build());
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    List<Location> guarded = new ArrayList<>();
    for (EventHandler h : w.eventHandlers) {
      if (h.idempotency.present()) {
        guarded.addAll(Findings.evidence(h, h.idempotency));
        continue;
      }
      if (h.idempotency.unresolved()) {
        out.report(this, h, "", "", h.idempotency);
        continue;
      }
      if (h.isListener()) {
        out.report(
            this,
            h,
            "Listener " + h.listenerMethod + " (" + h.trigger + ") has no idempotency",
            "The "
                + h.framework
                + " at "
                + h.location
                + (h.sources.isEmpty() ? "" : " on " + String.join(", ", h.sources))
                + " consumes "
                + h.trigger
                + " messages, which are delivered at least once (redelivered after a failure, a timeout or a rebalance);"
                + " neither the listener nor the methods it calls in the scanned code use Powertools idempotency or a conditional write, and the source is not known to deduplicate.");
        continue;
      }
      Value<String> wiring =
          Value.explicit(h.trigger, List.of(h.functionLocation, h.triggerLocation));
      out.report(
          this,
          h,
          "Handler of " + h.function + " (" + h.trigger + ") has no idempotency",
          "Function "
              + h.function
              + " ("
              + h.functionLocation
              + ") consumes "
              + h.trigger
              + " events ("
              + h.triggerLocation
              + "), which are delivered at least once; its handler at "
              + h.location
              + " uses neither Powertools idempotency nor a conditional write, and the source does not deduplicate.",
          wiring);
    }
    if (!guarded.isEmpty())
      out.strength(
          this,
          "Event handlers deduplicate redelivered events",
          guarded.stream().distinct().limit(8).toList());
  }
}
