package dev.relplan.iac.serverless;

import static dev.relplan.iac.common.TypedSettings.or;

import dev.relplan.iac.common.AwsMessaging;
import dev.relplan.model.EventSourceMapping;
import dev.relplan.model.Function;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Value;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.source.Location;
import java.util.List;
import java.util.Locale;

/**
 * A function's {@code events}: each the model object the framework generates for it, with the
 * framework's defaults (serverless.com/framework/docs/providers/aws/events/).
 */
final class EventMapper {
  private final ServiceMapper service;
  private final Function function;
  private final Settings fn;
  private final Value<Object> self;

  EventMapper(ServiceMapper service, Function function, Settings fn) {
    this.service = service;
    this.function = function;
    this.fn = fn;
    this.self = Value.explicit(function.ref(), List.of(function.location));
  }

  void map() {
    if (!(fn.node("events") instanceof dev.relplan.parse.SeqNode events)) return;
    int index = 0;
    for (Node item : events.items()) {
      index++;
      if (!(item instanceof MapNode m) || m.entries().size() != 1) continue;
      MapNode.Entry event = m.entries().get(0);
      // The short form (- sqs: arn) is the long form's arn.
      MapNode body =
          event.value() instanceof MapNode b
              ? b
              : new MapNode(
                  event.keyLocation(),
                  null,
                  List.of(new MapNode.Entry("arn", event.keyLocation(), event.value())));
      event(event.key(), event.keyLocation(), new Settings(body, service.scope()), index);
    }
  }

  private void event(String type, Location at, Settings e, int index) {
    switch (type) {
      case "sqs" -> sqs(at, e, index);
      case "stream" -> stream(at, e, index);
      default ->
          function.triggers.add(
              new Function.Trigger(type.toUpperCase(Locale.ROOT), false, Value.absent(), at));
    }
  }

  /** An SQS queue polled by the function ({@code <Fn>EventSourceMappingSQS<Queue>}). */
  private void sqs(Location at, Settings e, int index) {
    EventSourceMapping m = mapping(at, "EventSourceMappingSQS" + sourceName(e.ref("arn"), index));
    m.source = e.ref("arn");
    m.sourceKind = "SQS";
    m.batchSize =
        or(
            e.integer("batchSize"),
            10,
            "the framework's SQS batch size is 10 unless batchSize is set (serverless.com/framework/docs/providers/aws/events/sqs)");
    m.reportBatchItemFailures = responseTypes(e);
    service.add(m, e);
  }

  /** A Kinesis or DynamoDB stream read by the function. */
  private void stream(Location at, Settings e, int index) {
    Value<Object> arn = e.ref("arn");
    String kind = streamKind(e.str("type").orElse(null), arn.get());
    EventSourceMapping m =
        mapping(
            at,
            "EventSourceMapping"
                + (kind == null ? "Stream" : kind.equals("KINESIS") ? "Kinesis" : "Dynamodb")
                + sourceName(arn, index));
    m.source = arn;
    m.sourceKind = kind;
    m.onFailure = service.destination(e, "destinations.onFailure");
    AwsMessaging.retries(
        m, e.integer("maximumRetryAttempts"), e.bool("bisectBatchOnFunctionError"));
    m.maximumRecordAgeSeconds =
        or(
            e.integer("maximumRecordAgeInSeconds"),
            -1,
            "stream records are sent until they expire by default");
    m.batchSize =
        or(
            e.integer("batchSize"),
            10,
            "the framework's stream batch size is 10 unless batchSize is set (serverless.com/framework/docs/providers/aws/events/streams)");
    m.reportBatchItemFailures = responseTypes(e);
    service.add(m, e);
  }

  private EventSourceMapping mapping(Location at, String suffix) {
    EventSourceMapping m =
        new EventSourceMapping(
            service.scope(),
            function.id.replace("LambdaFunction", "") + suffix,
            "AWS::Lambda::EventSourceMapping",
            at);
    m.function = self;
    return m;
  }

  private static Value<Boolean> responseTypes(Settings e) {
    return or(
        e.str("functionResponseType").map(t -> t.equals("ReportBatchItemFailures")),
        false,
        "without functionResponseType a failed batch is retried whole");
  }

  /** KINESIS or DYNAMODB from the type, the ARN or the attribute referenced; null when unknown. */
  static String streamKind(String type, Object arn) {
    if (type != null) {
      if (type.equalsIgnoreCase("kinesis")) return "KINESIS";
      if (type.equalsIgnoreCase("dynamodb")) return "DYNAMODB";
    }
    if (arn instanceof String s) {
      if (s.startsWith("arn:aws:kinesis:") || s.contains(":kinesis:")) return "KINESIS";
      if (s.contains(":dynamodb:")) return "DYNAMODB";
    }
    if (arn instanceof ResourceRef r && "StreamArn".equals(r.attribute())) return "DYNAMODB";
    return null;
  }

  /** The queue or stream's name as the framework puts it in a logical id. */
  private static String sourceName(Value<Object> arn, int index) {
    Object v = arn.get();
    if (v instanceof ResourceRef r) return LogicalIds.alphanumeric(r.id());
    if (v instanceof String s && s.startsWith("arn:") && s.split(":", 6).length == 6) {
      // arn:partition:service:region:account:resource, the resource being type/name/… or a name.
      String[] resource = s.split(":", 6)[5].split("/");
      return LogicalIds.alphanumeric(resource.length > 1 ? resource[1] : resource[0]);
    }
    return String.valueOf(index);
  }
}
