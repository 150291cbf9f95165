package dev.relplan.iac.cloudformation;

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
import dev.relplan.model.ResourceRef;
import dev.relplan.model.StateMachine;
import dev.relplan.model.Stream;
import dev.relplan.model.Subscription;
import dev.relplan.model.Topic;
import dev.relplan.model.UsagePlan;
import dev.relplan.model.Value;
import dev.relplan.parse.JsonLoader;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ParseException;
import dev.relplan.parse.ScalarNode;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Queues, topics, event buses, Lambda, streams, state machines and API Gateway. */
final class MessagingMappers {
  private static final AwsMessaging.QueueKeys QUEUE =
      new AwsMessaging.QueueKeys(
          "QueueName",
          "FifoQueue",
          "VisibilityTimeout",
          "ContentBasedDeduplication",
          "RedriveAllowPolicy");
  private static final AwsMessaging.FunctionKeys FUNCTION =
      new AwsMessaging.FunctionKeys(
          "FunctionName", "Timeout", "Runtime", "Handler", "Environment.Variables");

  private MessagingMappers() {}

  static void register(Map<String, Mapper> m) {
    m.put("AWS::SQS::Queue", MessagingMappers::queue);
    m.put("AWS::SNS::Topic", MessagingMappers::topic);
    m.put("AWS::SNS::Subscription", MessagingMappers::snsSubscription);
    m.put("AWS::Events::Rule", MessagingMappers::rule);
    m.put("AWS::Lambda::Function", MessagingMappers::function);
    m.put("AWS::Lambda::EventSourceMapping", MessagingMappers::eventSourceMapping);
    m.put("AWS::Lambda::EventInvokeConfig", MessagingMappers::eventInvokeConfig);
    m.put("AWS::Lambda::Alias", MessagingMappers::alias);
    m.put("AWS::Kinesis::Stream", MessagingMappers::stream);
    m.put(
        "AWS::StepFunctions::StateMachine",
        c -> c.add(new StateMachine(c.template.scope, c.id, c.type, c.location)));
    m.put(
        "AWS::ApiGateway::Stage",
        c ->
            restStage(
                c, c.props, c.id, c.location, c.props.ref("RestApiId"), c.props.str("StageName")));
    m.put("AWS::ApiGateway::Deployment", MessagingMappers::deploymentStage);
    m.put("AWS::ApiGateway::Method", MessagingMappers::restMethod);
    m.put("AWS::ApiGateway::UsagePlan", MessagingMappers::usagePlan);
    m.put(
        "AWS::ApiGatewayV2::Stage",
        c ->
            httpStage(
                c, c.props, c.id, c.location, c.props.ref("ApiId"), c.props.str("StageName")));
    m.put("AWS::ApiGatewayV2::Integration", MessagingMappers::httpIntegration);
  }

  private static void snsSubscription(ResourceContext c) {
    Props p = c.props;
    subscription(
        c,
        c.id,
        c.location,
        p.ref("TopicArn"),
        p.str("Protocol"),
        p.ref("Endpoint"),
        p.ref("RedrivePolicy.deadLetterTargetArn"));
  }

  private static void eventInvokeConfig(ResourceContext c) {
    EventInvokeConfig e = new EventInvokeConfig(c.template.scope, c.id, c.type, c.location);
    e.function = c.props.ref("FunctionName");
    e.onFailure = c.props.ref("DestinationConfig.OnFailure.Destination");
    e.maximumRetryAttempts = c.props.integer("MaximumRetryAttempts");
    e.maximumEventAgeSeconds = c.props.integer("MaximumEventAgeInSeconds");
    c.add(e);
  }

  /** An alias, with the deployment group its CodeDeployLambdaAliasUpdate policy names. */
  private static void alias(ResourceContext c) {
    Alias a = new Alias(c.template.scope, c.id, c.type, c.location);
    a.function = c.props.ref("FunctionName");
    a.provisionedConcurrency =
        c.props.integer("ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions");
    if (c.declaration.get("UpdatePolicy") instanceof MapNode update
        && update.get("CodeDeployLambdaAliasUpdate") instanceof MapNode cd) {
      a.codeDeployGroup = c.props.child(cd).ref("DeploymentGroupName");
    }
    c.add(a);
  }

  private static void stream(ResourceContext c) {
    Stream s = new Stream(c.template.scope, c.id, c.type, c.location);
    s.mode =
        or(
            c.props.str("StreamModeDetails.StreamMode"),
            "PROVISIONED",
            "Kinesis streams are PROVISIONED unless set ON_DEMAND");
    s.shardCount = c.props.integer("ShardCount");
    c.add(s);
  }

  /** A deployment with StageName creates that stage, configured by StageDescription. */
  private static void deploymentStage(ResourceContext c) {
    if (!c.props.has("StageName")) return;
    MapNode desc = c.props.node("StageDescription") instanceof MapNode d ? d : null;
    restStage(
        c,
        desc == null
            ? c.props.child(new MapNode(c.location, null, List.of()))
            : c.props.child(desc),
        c.id,
        c.location,
        c.props.ref("RestApiId"),
        c.props.str("StageName"));
  }

  private static void usagePlan(ResourceContext c) {
    UsagePlan u = new UsagePlan(c.template.scope, c.id, c.type, c.location);
    u.throttleRate = c.props.number("Throttle.RateLimit");
    u.apis = c.props.collect("ApiStages", "ApiId", c.props.keyLocation("ApiStages"));
    c.add(u);
  }

  private static void httpIntegration(ResourceContext c) {
    ApiIntegration i = new ApiIntegration(c.template.scope, c.id, c.type, c.location);
    i.apiKind = "HTTP";
    i.api = c.props.ref("ApiId");
    i.function = c.props.ref("IntegrationUri");
    i.timeoutMillis = AwsMessaging.httpTimeout(c.props.integer("TimeoutInMillis"));
    c.add(i);
  }

  static void queue(ResourceContext c) {
    Props p = c.props;
    Queue q = new Queue(c.template.scope, c.id, c.type, c.location);
    AwsMessaging.queue(q, p, QUEUE);
    Props redrive = redriveProps(p, "RedrivePolicy");
    if (redrive != null) {
      q.deadLetterTarget = redrive.ref("deadLetterTargetArn");
      q.maxReceiveCount = redrive.integer("maxReceiveCount");
      if (q.deadLetterTarget.present()
          && !q.deadLetterTarget.trace().contains(p.keyLocation("RedrivePolicy"))) {
        q.deadLetterTarget = q.deadLetterTarget.withTrace(List.of(p.keyLocation("RedrivePolicy")));
      }
    }
    c.add(q);
  }

  /** A redrive policy is a JSON object, or in some templates a JSON string holding one. */
  private static Props redriveProps(Props p, String key) {
    if (!p.has(key)) return null;
    if (p.node(key) instanceof MapNode m) return p.child(m);
    Value<String> text = p.str(key);
    if (text.present()) {
      try {
        if (JsonLoader.load(p.keyLocation(key).file(), text.get()) instanceof MapNode m) {
          // Lines inside the string are not the file's: anchor the values on the policy's own line.
          return p.child(relocate(m, p.keyLocation(key)));
        }
      } catch (ParseException ignored) {
        return null;
      }
    }
    return null;
  }

  private static MapNode relocate(MapNode m, Location at) {
    List<MapNode.Entry> entries = new ArrayList<>();
    for (MapNode.Entry e : m.entries()) {
      Node v =
          e.value() instanceof ScalarNode s
              ? new ScalarNode(at, s.tag(), s.text(), s.kind())
              : e.value();
      entries.add(new MapNode.Entry(e.key(), at, v));
    }
    return new MapNode(at, null, entries);
  }

  static void topic(ResourceContext c) {
    Topic t = new Topic(c.template.scope, c.id, c.type, c.location);
    t.fifo = or(c.props.bool("FifoTopic"), false, "standard topic");
    c.add(t);
    int i = 0;
    for (MapNode s : c.props.maps("Subscription")) {
      Props sp = c.props.child(s);
      subscription(
          c,
          c.id + ".Subscription[" + i++ + "]",
          s.location(),
          Value.explicit(t.ref(), List.of(c.location)),
          sp.str("Protocol"),
          sp.ref("Endpoint"),
          Value.absent());
    }
  }

  static void subscription(
      ResourceContext c,
      String id,
      Location location,
      Value<Object> topic,
      Value<String> protocol,
      Value<Object> endpoint,
      Value<Object> dlq) {
    Subscription s = new Subscription(c.template.scope, id, "AWS::SNS::Subscription", location);
    s.topic = topic;
    s.protocol = protocol;
    s.endpoint = endpoint;
    s.deadLetterTarget = dlq;
    c.add(s);
  }

  static void rule(ResourceContext c) {
    Props p = c.props;
    EventRule r = new EventRule(c.template.scope, c.id, c.type, c.location);
    r.schedule = p.str("ScheduleExpression");
    r.state = or(p.str("State"), "ENABLED", "rules are enabled by default");
    for (MapNode t : p.maps("Targets")) {
      Props tp = p.child(t);
      r.targets.add(
          new EventRule.Target(
              tp.str("Id").orElse("target"),
              tp.ref("Arn"),
              tp.ref("DeadLetterConfig.Arn"),
              tp.integer("RetryPolicy.MaximumRetryAttempts"),
              t.location()));
    }
    c.add(r);
  }

  static void function(ResourceContext c) {
    Function f = lambda(c, "DeadLetterConfig.TargetArn");
    f.inlineCode = InlineCode.of(c, "Code.ZipFile");
    f.codeUri = InlineCode.s3Object(c);
    c.add(f);
  }

  /**
   * The properties a Lambda function and a SAM function share; the dead-letter target sits under a
   * different key.
   */
  static Function lambda(ResourceContext c, String deadLetterPath) {
    Props p = c.props;
    Function f = new Function(c.template.scope, c.id, c.type, c.location);
    AwsMessaging.function(f, p, FUNCTION, deadLetterPath);
    f.reservedConcurrency = p.integer("ReservedConcurrentExecutions");
    return f;
  }

  static void eventSourceMapping(ResourceContext c) {
    Props p = c.props;
    EventSourceMapping e = new EventSourceMapping(c.template.scope, c.id, c.type, c.location);
    e.function = p.ref("FunctionName");
    e.source = p.ref("EventSourceArn");
    if (!e.source.present() && p.has("SelfManagedEventSource")) {
      e.source =
          Value.explicit("self-managed Kafka", List.of(p.keyLocation("SelfManagedEventSource")));
      e.sourceKind = "KAFKA";
    }
    e.onFailure = p.ref("DestinationConfig.OnFailure.Destination");
    AwsMessaging.retries(
        e, p.integer("MaximumRetryAttempts"), p.bool("BisectBatchOnFunctionError"));
    e.reportBatchItemFailures =
        p.list("FunctionResponseTypes").map(l -> l.contains("ReportBatchItemFailures"));
    c.add(e);
  }

  static void restStage(
      ResourceContext c,
      Props p,
      String id,
      Location location,
      Value<Object> api,
      Value<String> stageName) {
    ApiStage s = new ApiStage(c.template.scope, id, "AWS::ApiGateway::Stage", location);
    s.apiKind = "REST";
    s.api = api;
    s.stageName = stageName;
    // Stage-wide throttling is a method setting on "/*/*" (or the deployment's stage description).
    for (MapNode ms : p.maps("MethodSettings")) {
      Props mp = p.child(ms);
      String path = mp.str("ResourcePath").orElse("/*");
      String method = mp.str("HttpMethod").orElse("*");
      if (path.equals("/*") && method.equals("*")) {
        if (mp.has("ThrottlingRateLimit")) s.throttleRate = mp.number("ThrottlingRateLimit");
        if (mp.has("ThrottlingBurstLimit")) s.throttleBurst = mp.number("ThrottlingBurstLimit");
      }
    }
    if (p.has("ThrottlingRateLimit")) s.throttleRate = p.number("ThrottlingRateLimit");
    if (p.has("ThrottlingBurstLimit")) s.throttleBurst = p.number("ThrottlingBurstLimit");
    c.add(s);
  }

  static void httpStage(
      ResourceContext c,
      Props p,
      String id,
      Location location,
      Value<Object> api,
      Value<String> stageName) {
    ApiStage s = new ApiStage(c.template.scope, id, "AWS::ApiGatewayV2::Stage", location);
    s.apiKind = "HTTP";
    s.api = api;
    s.stageName = stageName;
    s.throttleRate = p.number("DefaultRouteSettings.ThrottlingRateLimit");
    s.throttleBurst = p.number("DefaultRouteSettings.ThrottlingBurstLimit");
    c.add(s);
  }

  static void restMethod(ResourceContext c) {
    Props p = c.props;
    String type = p.str("Integration.Type").orElse("");
    if (!type.startsWith("AWS")) return;
    Value<Object> uri = AwsMessaging.integrationFunction(p, "Integration.Uri");
    if (!(uri.get() instanceof ResourceRef)) return;
    ApiIntegration i = new ApiIntegration(c.template.scope, c.id, c.type, c.location);
    i.apiKind = "REST";
    i.api = p.ref("RestApiId");
    i.function = uri;
    i.timeoutMillis = AwsMessaging.restTimeout(p.integer("Integration.TimeoutInMillis"));
    c.add(i);
  }
}
