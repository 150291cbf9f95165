package dev.relplan.rules.resilience;

import dev.relplan.model.EventHandler;
import dev.relplan.model.EventSourceMapping;
import dev.relplan.model.Function;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.rules.*;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
            .advice(
                Fix.in(
                        Dialect.JAVA,
                        "Make the listener idempotent: record each message id in a store with a unique key (an insert that fails on duplicates, or a conditional write) in the same transaction as the side effect, and skip messages already recorded.",
                        """
                @Transactional
                void onMessage(OrderEvent event) {
                  if (processed.insertIfAbsent(event.id()) == 0) return; // seen before
                  orders.apply(event);
                }
                """)
                    .involving()
                    .when("message listener", r -> r instanceof EventHandler h && h.isListener()),
                Fix.in(
                    Dialect.JAVA,
                    "Make the handler idempotent with Powertools for AWS Lambda (Java) @Idempotent and a DynamoDB persistence store keyed on the event id, or a conditional write (attribute_not_exists) on a deduplication table.",
                    """
                @Idempotent
                public Receipt handleRequest(@IdempotencyKey String orderId, Context context) {
                  return charge(orderId);
                }
                """),
                Fix.in(
                    Dialect.PYTHON,
                    "Make the handler idempotent with Powertools for AWS Lambda (Python) @idempotent and a DynamoDBPersistenceLayer keyed on the message or event id, or a conditional write (attribute_not_exists) on a deduplication table.",
                    """
                from aws_lambda_powertools.utilities.idempotency import DynamoDBPersistenceLayer, idempotent

                persistence = DynamoDBPersistenceLayer(table_name="IdempotencyTable")

                @idempotent(persistence_store=persistence)
                def handler(event, context):
                    ...
                """),
                Fix.in(
                    Dialect.JAVASCRIPT,
                    "Make the handler idempotent with Powertools for AWS Lambda (TypeScript) makeIdempotent and a DynamoDB persistence layer keyed on the event id, or a conditional write (attribute_not_exists) on a deduplication table.",
                    """
                import { makeIdempotent } from '@aws-lambda-powertools/idempotency';
                import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';

                const persistenceStore = new DynamoDBPersistenceLayer({ tableName: 'IdempotencyTable' });
                export const handler = makeIdempotent(processOrder, { persistenceStore });
                """),
                Fix.in(
                    Dialect.CSHARP,
                    "Make the handler idempotent with Powertools for AWS Lambda (.NET) [Idempotent] and a DynamoDB store keyed on the event id, or a conditional write (attribute_not_exists) on a deduplication table.",
                    """
                [Idempotent]
                public Task<Receipt> Handle(OrderEvent input, ILambdaContext context) => Charge(input);
                """),
                Fix.in(
                    Dialect.GO,
                    "Make the handler idempotent: write the message id to a deduplication table with a conditional write (attribute_not_exists) before the side effect, and skip the record when the write fails as already present.",
                    """
                _, err := db.PutItem(ctx, &dynamodb.PutItemInput{
                	TableName:           aws.String("processed-events"),
                	Item:                map[string]types.AttributeValue{"id": &types.AttributeValueMemberS{Value: record.MessageId}},
                	ConditionExpression: aws.String("attribute_not_exists(id)"),
                })
                """))
            .formats(InputFormat.CLOUDFORMATION, InputFormat.TERRAFORM, InputFormat.CODE)
            .build());
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    List<Location> guarded = new ArrayList<>();
    Map<FunctionAt, EventSourceMapping> mappings = firstMappingOfEachFunction(w);
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
              + " uses neither Powertools idempotency nor a conditional write, and the source does not deduplicate."
              + wholeBatchRedelivery(
                  mappings.get(new FunctionAt(h.function, h.functionLocation)), h),
          wiring);
    }
    if (!guarded.isEmpty())
      out.strength(
          this,
          "Event handlers deduplicate redelivered events",
          guarded.stream().distinct().limit(8).toList());
  }

  /**
   * Without partial batch responses, one failing record of an SQS or stream batch makes the whole
   * batch be delivered again, the records already processed included: duplicates follow from an
   * ordinary failure (Lambda developer guide, "Handling errors for an SQS event source" and
   * "Reporting batch item failures"). Said when the function's mapping reads batches of more than
   * one record without {@code ReportBatchItemFailures}; empty otherwise.
   */
  private static String wholeBatchRedelivery(EventSourceMapping m, EventHandler h) {
    if (!BATCHED_SOURCES.contains(h.trigger) || m == null) return "";
    // Only formats whose adapter reads the setting: elsewhere an absent value says nothing.
    if (!READS_RESPONSE_TYPES.contains(Dialect.of(m))
        || m.reportBatchItemFailures.isTrue()
        || m.batchSize.orElse(2) == 1) return "";
    return " Its "
        + h.trigger
        + " event source mapping ("
        + m.location
        + ") does not report partial batch failures ("
        + partialBatchSetting(Dialect.of(m))
        + "): one failing record makes the whole batch be delivered again, the records already processed included.";
  }

  /** A function as an event handler names it: its id and where it is declared. */
  private record FunctionAt(String id, Location location) {}

  /**
   * Each function's first event source mapping, in the workload's order: looked up once per
   * handler, instead of every mapping resolved again for every handler.
   */
  private static Map<FunctionAt, EventSourceMapping> firstMappingOfEachFunction(Workload w) {
    Map<FunctionAt, EventSourceMapping> first = new HashMap<>();
    for (EventSourceMapping m : w.all(EventSourceMapping.class))
      if (m.function.present() && w.resolve(m.function.get()) instanceof Function f)
        first.putIfAbsent(new FunctionAt(f.id, f.location), m);
    return first;
  }

  private static final Set<String> BATCHED_SOURCES = Set.of("SQS", "KINESIS", "DYNAMODB");

  /** The formats whose event source mappings record partial batch responses when set. */
  private static final Set<Dialect> READS_RESPONSE_TYPES =
      Set.of(Dialect.SERVERLESS, Dialect.SAM, Dialect.CLOUDFORMATION, Dialect.TERRAFORM);

  /** The setting that turns partial batch responses on, in the mapping's own words. */
  private static String partialBatchSetting(Dialect written) {
    if (written == Dialect.SERVERLESS) return "functionResponseType: ReportBatchItemFailures";
    if (written == Dialect.TERRAFORM)
      return "function_response_types = [\"ReportBatchItemFailures\"]";
    return "FunctionResponseTypes: [ReportBatchItemFailures]";
  }
}
