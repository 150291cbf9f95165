package dev.relplan.iac.serverless;

import static dev.relplan.iac.common.TypedSettings.or;

import dev.relplan.iac.common.AwsMessaging;
import dev.relplan.model.ApiIntegration;
import dev.relplan.model.ApiStage;
import dev.relplan.model.EventRule;
import dev.relplan.model.EventSourceMapping;
import dev.relplan.model.Function;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Subscription;
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
      case "kafka", "msk", "activemq", "rabbitmq" -> broker(type, at, e, index);
      case "http" -> http(at, e);
      case "httpApi" -> httpApi(at, e);
      case "schedule" -> rule(at, e, index, "EventsRuleSchedule", true);
      case "eventBridge", "cloudwatchEvent" -> rule(at, e, index, "EventBridgeRule", false);
      case "sns" -> sns(at, e, index);
      case "s3" -> trigger("S3", true, e.ref("arn").present() ? e.ref("arn") : e.ref("bucket"), at);
      case "alb" -> trigger("ALB", false, e.ref("listenerArn"), at);
      case "websocket" -> trigger("API_WEBSOCKET", false, e.ref("route"), at);
      // Services that invoke the function asynchronously and retry on their own terms.
      case "cloudwatchLog",
          "iot",
          "cognitoUserPool",
          "alexaSkill",
          "alexaSmartHome",
          "cloudFront" ->
          trigger(type.toUpperCase(Locale.ROOT), true, Value.absent(), at);
      default -> trigger(type.toUpperCase(Locale.ROOT), false, Value.absent(), at);
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

  private void trigger(String kind, boolean async, Value<Object> source, Location at) {
    function.triggers.add(new Function.Trigger(kind, async, source, at));
  }

  /** A Kafka, MSK or MQ broker polled by the function. */
  private void broker(String type, Location at, Settings e, int index) {
    EventSourceMapping m = mapping(at, "EventSourceMapping" + LogicalIds.normalized(type) + index);
    m.source = e.has("arn") ? e.ref("arn") : Value.explicit(type, List.of(at));
    m.sourceKind = type.equals("kafka") || type.equals("msk") ? "KAFKA" : "MQ";
    m.batchSize = e.integer("batchSize");
    service.add(m, e);
  }

  /**
   * A REST API (API Gateway v1) event: an integration on the service's API, which gives up after 29
   * seconds (serverless.com/framework/docs/providers/aws/events/apigateway).
   */
  private void http(Location at, Settings e) {
    String method = e.str("method").orElse("");
    String path = e.str("path").orElse("");
    if (e.node("arn") instanceof dev.relplan.parse.ScalarNode s && s.text() != null) {
      // The short form: "GET users/{id}".
      String[] parts = s.text().strip().split("\\s+", 2);
      method = parts[0];
      path = parts.length > 1 ? parts[1] : "";
    }
    ApiIntegration i =
        new ApiIntegration(
            service.scope(),
            "ApiGatewayMethod"
                + LogicalIds.alphanumeric(path)
                + LogicalIds.normalized(method.toLowerCase(Locale.ROOT)),
            "AWS::ApiGateway::Method",
            at);
    i.apiKind = "REST";
    i.api =
        Value.explicit(new ResourceRef(service.scope(), "ApiGatewayRestApi", null), List.of(at));
    i.function = self;
    i.timeoutMillis = AwsMessaging.restTimeout(Value.absent());
    service.add(i, e);
    apiStage("ApiGatewayDeployment", "AWS::ApiGateway::Stage", "REST", "ApiGatewayRestApi", at);
  }

  /**
   * An HTTP API (API Gateway v2) event: an integration on the service's HTTP API, which gives up
   * after 30 seconds (serverless.com/framework/docs/providers/aws/events/http-api).
   */
  private void httpApi(Location at, Settings e) {
    ApiIntegration i =
        new ApiIntegration(
            service.scope(),
            "HttpApiIntegration" + function.id.replace("LambdaFunction", ""),
            "AWS::ApiGatewayV2::Integration",
            at);
    i.apiKind = "HTTP";
    i.api = Value.explicit(new ResourceRef(service.scope(), "HttpApi", null), List.of(at));
    i.function = self;
    i.timeoutMillis = AwsMessaging.httpTimeout(Value.absent());
    if (service.workload().get(i.key()) == null) service.add(i, e);
    apiStage("HttpApiStage", "AWS::ApiGatewayV2::Stage", "HTTP", "HttpApi", at);
  }

  /**
   * The stage of the service's API, created once with its first event: named for the service's
   * stage (REST) or $default (HTTP API), without throttling settings, which the framework does not
   * set.
   */
  private void apiStage(String id, String type, String kind, String api, Location at) {
    if (service.workload().get(service.scope() + "#" + id) != null) return;
    ApiStage s = new ApiStage(service.scope(), id, type, at);
    s.apiKind = kind;
    s.api = Value.explicit(new ResourceRef(service.scope(), api, null), List.of(at));
    s.stageName =
        kind.equals("HTTP")
            ? Value.explicit("$default", List.of(at))
            : service.stage().name() == null
                ? Value.unresolved(service.stage().how(), List.of(service.stage().location()))
                : Value.explicit(service.stage().name(), List.of(service.stage().location()));
    service.add(s, Settings.empty(at, service.scope()));
  }

  /** A schedule or EventBridge pattern: a rule whose one target is the function. */
  private void rule(Location at, Settings e, int index, String suffix, boolean scheduled) {
    EventRule r =
        new EventRule(
            service.scope(),
            function.id.replace("LambdaFunction", "") + suffix + index,
            "AWS::Events::Rule",
            at);
    if (scheduled) r.schedule = e.has("rate") ? e.str("rate") : e.str("arn");
    else if (e.has("schedule")) r.schedule = e.str("schedule");
    r.state =
        e.bool("enabled").isFalse()
            ? Value.explicit("DISABLED", List.of(e.keyLocation("enabled")))
            : Value.defaulted("ENABLED", "rules are enabled by default");
    r.targets.add(
        new EventRule.Target(
            function.id,
            self,
            e.ref("deadLetterQueueArn"),
            e.integer("retryPolicy.maximumRetryAttempts"),
            at));
    service.add(r, e);
  }

  /** An SNS topic the function subscribes to, with the subscription's redrive policy. */
  private void sns(Location at, Settings e, int index) {
    Value<Object> topic = e.has("topicName") ? e.ref("topicName") : e.ref("arn");
    Subscription s =
        new Subscription(
            service.scope(),
            function.id.replace("LambdaFunction", "")
                + "SnsSubscription"
                + sourceName(topic, index),
            "AWS::SNS::Subscription",
            at);
    s.topic = topic;
    s.protocol = Value.explicit("lambda", List.of(at));
    s.endpoint = self;
    s.deadLetterTarget = deadLetterTarget(e);
    service.add(s, e);
  }

  /** redrivePolicy: an ARN, a logical id of resources, or an import. */
  private Value<Object> deadLetterTarget(Settings e) {
    if (e.has("redrivePolicy.deadLetterTargetRef")) {
      Value<String> id = e.str("redrivePolicy.deadLetterTargetRef");
      return id.present()
          ? Value.explicit(new ResourceRef(service.scope(), id.get(), null), id.trace())
          : id.map(Object.class::cast);
    }
    if (e.has("redrivePolicy.deadLetterTargetImport"))
      return Value.unresolved(
          "the dead-letter queue is imported from another stack",
          List.of(e.keyLocation("redrivePolicy.deadLetterTargetImport")));
    return e.ref("redrivePolicy.deadLetterTargetArn");
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
