package dev.relplan.iac.terraform;

import static dev.relplan.iac.common.TypedSettings.or;

import dev.relplan.iac.common.AwsMessaging;
import dev.relplan.model.Alias;
import dev.relplan.model.ApiIntegration;
import dev.relplan.model.ApiStage;
import dev.relplan.model.EventInvokeConfig;
import dev.relplan.model.EventRule;
import dev.relplan.model.EventSourceMapping;
import dev.relplan.model.Function;
import dev.relplan.model.Queue;
import dev.relplan.model.Resource;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.StateMachine;
import dev.relplan.model.Stream;
import dev.relplan.model.Subscription;
import dev.relplan.model.Topic;
import dev.relplan.model.UsagePlan;
import dev.relplan.model.Value;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Queues, topics, EventBridge, Lambda, Kinesis, Step Functions and API Gateway (aws provider). */
final class MessagingMappers {
  private static final AwsMessaging.QueueKeys QUEUE =
      new AwsMessaging.QueueKeys(
          "name",
          "fifo_queue",
          "visibility_timeout_seconds",
          "content_based_deduplication",
          "redrive_allow_policy");
  private static final AwsMessaging.FunctionKeys FUNCTION =
      new AwsMessaging.FunctionKeys(
          "function_name", "timeout", "runtime", "handler", "environment.variables");

  private MessagingMappers() {}

  static void register(Map<String, Mapper> m) {
    m.put("aws_sqs_queue", MessagingMappers::queue);
    m.put("aws_sqs_queue_redrive_policy", MessagingMappers::queueRedrive);
    m.put("aws_sns_topic", MessagingMappers::topic);
    m.put("aws_sns_topic_subscription", MessagingMappers::subscription);
    m.put("aws_cloudwatch_event_rule", MessagingMappers::eventRule);
    m.put("aws_cloudwatch_event_target", MessagingMappers::eventTarget);
    m.put("aws_lambda_function", MessagingMappers::function);
    m.put("aws_lambda_event_source_mapping", MessagingMappers::eventSourceMapping);
    m.put("aws_lambda_function_event_invoke_config", MessagingMappers::eventInvokeConfig);
    m.put("aws_lambda_alias", MessagingMappers::alias);
    m.put("aws_lambda_provisioned_concurrency_config", MessagingMappers::provisionedConcurrency);
    m.put("aws_kinesis_stream", MessagingMappers::kinesisStream);
    m.put(
        "aws_sfn_state_machine",
        r -> r.add(new StateMachine(r.scope(), r.address, r.type, r.location)));
    m.put("aws_api_gateway_stage", MessagingMappers::restStage);
    m.put("aws_api_gateway_method_settings", MessagingMappers::methodSettings);
    m.put("aws_api_gateway_usage_plan", MessagingMappers::usagePlan);
    m.put("aws_api_gateway_integration", MessagingMappers::restIntegration);
    m.put("aws_apigatewayv2_stage", MessagingMappers::httpStage);
    m.put("aws_apigatewayv2_integration", MessagingMappers::httpIntegration);
  }

  static void topic(ResourceContext r) {
    Topic t = new Topic(r.scope(), r.address, r.type, r.location);
    t.fifo = or(r.attrs.bool("fifo_topic"), false, "standard topic");
    r.add(t);
  }

  static void subscription(ResourceContext r) {
    Subscription s = new Subscription(r.scope(), r.address, r.type, r.location);
    s.topic = r.attrs.ref("topic_arn");
    s.protocol = r.attrs.str("protocol");
    s.endpoint = r.attrs.ref("endpoint");
    s.deadLetterTarget = r.attrs.ref("redrive_policy.deadLetterTargetArn");
    r.add(s);
  }

  static void eventRule(ResourceContext r) {
    EventRule e = new EventRule(r.scope(), r.address, r.type, r.location);
    e.schedule = r.attrs.str("schedule_expression");
    e.state = r.attrs.str("state");
    if (!e.state.present()) {
      Value<Boolean> enabled = r.attrs.bool("is_enabled");
      e.state =
          enabled.present()
              ? enabled.map(b -> b ? "ENABLED" : "DISABLED")
              : Value.defaulted("ENABLED", "rules are enabled by default");
    }
    r.add(e);
  }

  static void eventInvokeConfig(ResourceContext r) {
    EventInvokeConfig e = new EventInvokeConfig(r.scope(), r.address, r.type, r.location);
    e.function = r.attrs.ref("function_name");
    e.onFailure = r.attrs.ref("destination_config.on_failure.destination");
    e.maximumRetryAttempts = r.attrs.integer("maximum_retry_attempts");
    e.maximumEventAgeSeconds = r.attrs.integer("maximum_event_age_in_seconds");
    r.add(e);
  }

  static void alias(ResourceContext r) {
    Alias a = new Alias(r.scope(), r.address, r.type, r.location);
    a.function = r.attrs.ref("function_name");
    r.add(a);
  }

  static void kinesisStream(ResourceContext r) {
    Stream s = new Stream(r.scope(), r.address, r.type, r.location);
    s.mode =
        or(
            r.attrs.str("stream_mode_details.stream_mode"),
            "PROVISIONED",
            "Kinesis streams are PROVISIONED unless set ON_DEMAND");
    s.shardCount = r.attrs.integer("shard_count");
    r.add(s);
  }

  static void restStage(ResourceContext r) {
    ApiStage s = new ApiStage(r.scope(), r.address, r.type, r.location);
    s.apiKind = "REST";
    s.api = r.attrs.ref("rest_api_id");
    s.stageName = r.attrs.str("stage_name");
    r.add(s);
  }

  static void usagePlan(ResourceContext r) {
    UsagePlan u = new UsagePlan(r.scope(), r.address, r.type, r.location);
    u.throttleRate = r.attrs.number("throttle_settings.rate_limit");
    u.apis = r.attrs.collect("api_stages", "api_id", r.attrs.keyLocation("api_stages"));
    r.add(u);
  }

  static void restIntegration(ResourceContext r) {
    String type = r.attrs.str("type").orElse("");
    if (!type.startsWith("AWS")) {
      r.addGeneric();
      return;
    }
    ApiIntegration i = new ApiIntegration(r.scope(), r.address, r.type, r.location);
    i.apiKind = "REST";
    i.api = r.attrs.ref("rest_api_id");
    i.function = AwsMessaging.integrationFunction(r.attrs, "uri");
    i.timeoutMillis = AwsMessaging.restTimeout(r.attrs.integer("timeout_milliseconds"));
    r.add(i);
  }

  static void httpStage(ResourceContext r) {
    ApiStage s = new ApiStage(r.scope(), r.address, r.type, r.location);
    s.apiKind = "HTTP";
    s.api = r.attrs.ref("api_id");
    s.stageName = r.attrs.str("name");
    s.throttleRate = r.attrs.number("default_route_settings.throttling_rate_limit");
    s.throttleBurst = r.attrs.number("default_route_settings.throttling_burst_limit");
    r.add(s);
  }

  static void httpIntegration(ResourceContext r) {
    ApiIntegration i = new ApiIntegration(r.scope(), r.address, r.type, r.location);
    i.apiKind = "HTTP";
    i.api = r.attrs.ref("api_id");
    i.function = AwsMessaging.integrationFunction(r.attrs, "integration_uri");
    i.timeoutMillis = AwsMessaging.httpTimeout(r.attrs.integer("timeout_milliseconds"));
    r.add(i);
  }

  static void queue(ResourceContext r) {
    Attrs p = r.attrs;
    Queue q = new Queue(r.scope(), r.address, r.type, r.location);
    AwsMessaging.queue(q, p, QUEUE);
    if (p.has("redrive_policy")) {
      q.deadLetterTarget = p.ref("redrive_policy.deadLetterTargetArn");
      q.maxReceiveCount = p.integer("redrive_policy.maxReceiveCount");
    }
    r.add(q);
  }

  static void queueRedrive(ResourceContext r) {
    r.addGeneric();
    Value<Object> queueRef = r.attrs.ref("queue_url");
    Value<Object> target = r.attrs.ref("redrive_policy.deadLetterTargetArn");
    Value<Integer> max = r.attrs.integer("redrive_policy.maxReceiveCount");
    r.later(
        w -> {
          Queue q = w.resolve(queueRef.get(), Queue.class);
          if (q == null) return;
          q.deadLetterTarget =
              target.present() || target.unresolved()
                  ? target.withTrace(List.of(r.location))
                  : target;
          q.maxReceiveCount = max;
        });
  }

  static void eventTarget(ResourceContext r) {
    r.addGeneric();
    Value<Object> ruleRef = r.attrs.ref("rule");
    EventRule.Target t =
        new EventRule.Target(
            r.attrs.str("target_id").orElse(r.address),
            r.attrs.ref("arn"),
            r.attrs.ref("dead_letter_config.arn"),
            r.attrs.integer("retry_policy.maximum_retry_attempts"),
            r.location);
    r.later(
        w -> {
          EventRule rule = w.resolve(ruleRef.get(), EventRule.class);
          if (rule != null) rule.targets.add(t);
        });
  }

  static void function(ResourceContext r) {
    Attrs p = r.attrs;
    Function f = new Function(r.scope(), r.address, r.type, r.location);
    AwsMessaging.function(f, p, FUNCTION, "dead_letter_config.target_arn");
    Value<Integer> reserved = p.integer("reserved_concurrent_executions");
    // -1 (the provider's default) means no reservation.
    f.reservedConcurrency = reserved.present() && reserved.get() < 0 ? Value.absent() : reserved;
    f.codeUri = LambdaCode.directory(r);
    f.codeFile = LambdaCode.packagedFile(r).map(Function::normalize);
    r.add(f);
  }

  static void eventSourceMapping(ResourceContext r) {
    Attrs p = r.attrs;
    EventSourceMapping e = new EventSourceMapping(r.scope(), r.address, r.type, r.location);
    e.function = p.ref("function_name");
    e.source = p.ref("event_source_arn");
    if (!e.source.present() && !e.source.unresolved() && p.has("self_managed_event_source")) {
      e.source =
          Value.explicit("self-managed Kafka", List.of(p.keyLocation("self_managed_event_source")));
      e.sourceKind = "KAFKA";
    }
    e.onFailure = p.ref("destination_config.on_failure.destination_arn");
    AwsMessaging.retries(
        e, p.integer("maximum_retry_attempts"), p.bool("bisect_batch_on_function_error"));
    Value<List<Object>> responseTypes = p.list("function_response_types");
    e.reportBatchItemFailures =
        responseTypes.present()
            ? responseTypes.map(l -> l.contains("ReportBatchItemFailures"))
            : Value.defaulted(false, "not enabled by default");
    r.add(e);
  }

  static void provisionedConcurrency(ResourceContext r) {
    r.addGeneric();
    Value<Object> fnRef = r.attrs.ref("function_name");
    Value<Integer> n = r.attrs.integer("provisioned_concurrent_executions");
    r.later(
        w -> {
          Resource target = w.resolve(fnRef.get());
          if (target instanceof Function f && !f.provisionedConcurrency.present())
            f.provisionedConcurrency = n;
          if (target instanceof Alias a && !a.provisionedConcurrency.present())
            a.provisionedConcurrency = n;
        });
  }

  static void methodSettings(ResourceContext r) {
    r.addGeneric();
    String path = r.attrs.str("method_path").orElse("");
    if (!path.equals("*/*")) return;
    Value<Object> stageRef = r.attrs.ref("stage_name");
    Value<Object> apiRef = r.attrs.ref("rest_api_id");
    Value<Double> rate = r.attrs.number("settings.throttling_rate_limit");
    Value<Double> burst = r.attrs.number("settings.throttling_burst_limit");
    r.later(
        w -> {
          ApiStage stage = w.resolve(stageRef.get(), ApiStage.class);
          if (stage == null && stageRef.get() instanceof String name) {
            for (ApiStage s : w.all(ApiStage.class)) {
              if (name.equals(s.stageName.get())
                  && Objects.equals(
                      String.valueOf(apiKey(s.api.get())), String.valueOf(apiKey(apiRef.get()))))
                stage = s;
            }
          }
          if (stage == null) return;
          if (rate.present() || rate.unresolved()) stage.throttleRate = rate;
          if (burst.present() || burst.unresolved()) stage.throttleBurst = burst;
        });
  }

  private static Object apiKey(Object o) {
    return o instanceof ResourceRef ref ? ref.key() : o;
  }
}
