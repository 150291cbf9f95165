package dev.relplan.iac.cloudformation;

import static dev.relplan.iac.common.TypedSettings.or;

import dev.relplan.model.ApiIntegration;
import dev.relplan.model.Bucket;
import dev.relplan.model.DeploymentGroup;
import dev.relplan.model.EventInvokeConfig;
import dev.relplan.model.EventRule;
import dev.relplan.model.EventSourceMapping;
import dev.relplan.model.Function;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.StateMachine;
import dev.relplan.model.Table;
import dev.relplan.model.Value;
import dev.relplan.parse.MapNode;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The AWS SAM resource types, expanded into the same model objects that the SAM transform would
 * generate (event source mappings, subscriptions, rules, API stages, CodeDeploy deployment groups),
 * so that every rule sees SAM and plain CloudFormation alike.
 */
final class ServerlessMappers {
  private ServerlessMappers() {}

  static void register(Map<String, Mapper> m) {
    m.put("AWS::Serverless::Function", ServerlessMappers::function);
    m.put(
        "AWS::Serverless::Api",
        c -> {
          MessagingMappers.restStage(
              c,
              c.props,
              c.derivedId("Stage"),
              c.location,
              Value.explicit(new ResourceRef(c.template.scope, c.id, null), List.of(c.location)),
              c.props.str("StageName"));
        });
    m.put(
        "AWS::Serverless::HttpApi",
        c ->
            MessagingMappers.httpStage(
                c,
                c.props,
                c.derivedId("Stage"),
                c.location,
                Value.explicit(new ResourceRef(c.template.scope, c.id, null), List.of(c.location)),
                or(
                    c.props.str("StageName"),
                    "$default",
                    "HTTP APIs deploy to the $default stage")));
    m.put(
        "AWS::Serverless::SimpleTable",
        c -> {
          Table t = new Table(c.template.scope, c.id, c.type, c.location);
          t.name = c.props.str("TableName");
          t.billingMode =
              c.props.has("ProvisionedThroughput")
                  ? Value.explicit(
                      "PROVISIONED", List.of(c.props.keyLocation("ProvisionedThroughput")))
                  : Value.defaulted(
                      "PAY_PER_REQUEST",
                      "SimpleTable is on-demand unless ProvisionedThroughput is set");
          t.pointInTimeRecovery =
              or(
                  c.props.bool("PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled"),
                  false,
                  "point-in-time recovery is off by default");
          t.deletionProtection =
              Value.defaulted(false, "SimpleTable has no deletion protection setting");
          t.onDelete = c.deletionPolicy("DELETE");
          c.add(t);
        });
    m.put(
        "AWS::Serverless::StateMachine",
        c -> c.add(new StateMachine(c.template.scope, c.id, c.type, c.location)));
  }

  /**
   * Why a function that names no code is taken to be its template's folder. The packagers zip the
   * folder they run in; SAM projects are packaged from the template's folder.
   */
  static final String WORKING_DIRECTORY =
      "no CodeUri: `sam package` and `aws cloudformation package` zip the working directory when a"
          + " function names no code path (CloudFormation User Guide, \"Upload local artifacts to an S3"
          + " bucket\"), taken as the template's folder";

  /** A zip function whose code path is not written anywhere (not in Globals either). */
  private static boolean packagesWorkingDirectory(Props p) {
    return !p.has("CodeUri")
        && !p.has("InlineCode")
        && !p.has("ImageUri")
        && (!p.has("PackageType") || isZip(p.str("PackageType")));
  }

  private static boolean isZip(Value<String> packageType) {
    return packageType.present() && packageType.get().equals("Zip");
  }

  static void function(ResourceContext c) {
    Props p = c.props;
    Function f = MessagingMappers.lambda(c, "DeadLetterQueue.TargetArn");
    f.provisionedConcurrency =
        p.integer("ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions");
    f.codeUri = p.str("CodeUri");
    if (packagesWorkingDirectory(p)) f.codeUri = Value.defaulted(".", WORKING_DIRECTORY);
    f.inlineCode = InlineCode.of(c, "InlineCode");
    f.alias = p.str("AutoPublishAlias");
    c.add(f);
    Value<Object> self = Value.explicit(f.ref(), List.of(c.location));

    eventInvokeConfig(c, p, self);
    deploymentPreference(c, p, f);

    for (MapNode.Entry event : p.entries("Events")) {
      if (!(event.value() instanceof MapNode ev)) continue;
      Props ep = p.child(ev);
      String type = ep.str("Type").orElse("");
      Props props =
          ep.node("Properties") instanceof MapNode pm
              ? ep.child(pm)
              : ep.child(new MapNode(ev.location(), null, List.of()));
      event(c, f, self, event.key(), event.keyLocation(), type, props);
    }
  }

  /** SAM's EventInvokeConfig property: the function's own asynchronous failure handling. */
  private static void eventInvokeConfig(ResourceContext c, Props p, Value<Object> self) {
    if (!p.has("EventInvokeConfig")) return;
    EventInvokeConfig e =
        new EventInvokeConfig(
            c.template.scope,
            c.derivedId("EventInvokeConfig"),
            "AWS::Lambda::EventInvokeConfig",
            p.keyLocation("EventInvokeConfig"));
    e.function = self;
    e.onFailure = p.ref("EventInvokeConfig.DestinationConfig.OnFailure.Destination");
    if (!e.onFailure.present() && p.has("EventInvokeConfig.DestinationConfig.OnFailure.Type")) {
      // SAM creates the SQS queue or SNS topic itself when only a Type is given.
      Value<String> type = p.str("EventInvokeConfig.DestinationConfig.OnFailure.Type");
      e.onFailure = type.map(t -> "SAM-created " + t);
    }
    e.maximumRetryAttempts = p.integer("EventInvokeConfig.MaximumRetryAttempts");
    c.add(e);
  }

  /** SAM's DeploymentPreference: the CodeDeploy deployment group SAM generates for the alias. */
  private static void deploymentPreference(ResourceContext c, Props p, Function f) {
    Value<Boolean> preferenceEnabled =
        or(
            p.bool("DeploymentPreference.Enabled"),
            true,
            "a SAM deployment preference is enabled unless Enabled is false");
    // With Enabled: false SAM creates no CodeDeploy application, deployment group or alias update
    // policy at all.
    if (p.has("DeploymentPreference") && !preferenceEnabled.isFalse()) {
      DeploymentGroup g =
          new DeploymentGroup(
              c.template.scope,
              c.derivedId("DeploymentGroup"),
              "AWS::CodeDeploy::DeploymentGroup",
              p.keyLocation("DeploymentPreference"));
      g.computePlatform = Value.explicit("Lambda", List.of(p.keyLocation("DeploymentPreference")));
      g.deploymentConfig =
          p.str("DeploymentPreference.Type")
              .map(t -> t.startsWith("CodeDeployDefault.") ? t : "CodeDeployDefault.Lambda" + t);
      Value<Boolean> enabled = preferenceEnabled;
      if (enabled.unresolved()) g.deploymentConfig = enabled.map(e -> (String) null);
      g.autoRollbackEnabled = enabled;
      g.autoRollbackEvents =
          enabled.map(
              e ->
                  e
                      ? List.<Object>of(
                          "DEPLOYMENT_FAILURE",
                          "DEPLOYMENT_STOP_ON_ALARM",
                          "DEPLOYMENT_STOP_ON_REQUEST")
                      : List.of());
      g.alarms = p.list("DeploymentPreference.Alarms");
      g.alarmsEnabled = g.alarms.map(a -> !a.isEmpty());
      g.targets = Value.explicit(List.of(f.ref()), List.of(c.location));
      c.add(g);
    }
  }

  /** One entry of a function's Events: the model objects SAM would generate for that event type. */
  private static void event(
      ResourceContext c,
      Function f,
      Value<Object> self,
      String name,
      Location at,
      String type,
      Props ep) {
    String id = c.id + "." + name;
    switch (type) {
      case "SQS", "Kinesis", "DynamoDB", "MSK", "MQ", "SelfManagedKafka", "DocumentDB" ->
          eventSourceMapping(c, self, id, at, type, ep);
      case "SNS" -> snsEvent(c, f, self, id, at, ep);
      case "EventBridgeRule", "CloudWatchEvent", "Schedule", "ScheduleV2" ->
          eventRule(c, self, name, id, at, type, ep);
      case "S3" -> s3Event(c, f, at, ep);
      case "Api", "HttpApi" -> apiEvent(c, self, id, at, type.equals("Api"), ep);
      case "CloudWatchLogs", "IoTRule", "SES" ->
          f.triggers.add(
              new Function.Trigger(type.toUpperCase(Locale.ROOT), true, Value.absent(), at));
      default ->
          f.triggers.add(
              new Function.Trigger(type.toUpperCase(Locale.ROOT), false, Value.absent(), at));
    }
  }

  /** A polled source (queue, stream, broker, cluster): an event source mapping. */
  private static void eventSourceMapping(
      ResourceContext c, Value<Object> self, String id, Location at, String type, Props ep) {
    EventSourceMapping e =
        new EventSourceMapping(c.template.scope, id, "AWS::Lambda::EventSourceMapping", at);
    e.function = self;
    e.source =
        type.equals("SQS")
            ? ep.ref("Queue")
            : type.equals("MQ")
                ? ep.ref("Broker")
                : type.equals("DocumentDB") ? ep.ref("Cluster") : ep.ref("Stream");
    e.sourceKind =
        switch (type) {
          case "SQS" -> "SQS";
          case "Kinesis" -> "KINESIS";
          case "DynamoDB" -> "DYNAMODB";
          case "MQ" -> "MQ";
          case "DocumentDB" -> "DOCUMENTDB";
          default -> "KAFKA";
        };
    e.onFailure = ep.ref("DestinationConfig.OnFailure.Destination");
    e.maximumRetryAttempts =
        or(
            ep.integer("MaximumRetryAttempts"),
            -1,
            "stream records are retried until they expire by default");
    e.bisectOnError = or(ep.bool("BisectBatchOnFunctionError"), false, "off by default");
    Value<List<Object>> responseTypes = ep.list("FunctionResponseTypes");
    e.reportBatchItemFailures = responseTypes.map(l -> l.contains("ReportBatchItemFailures"));
    c.add(e);
  }

  /**
   * An SNS topic: a Lambda subscription, or with SqsSubscription a queue in between, which makes
   * the function a (synchronous) SQS consumer.
   */
  private static void snsEvent(
      ResourceContext c, Function f, Value<Object> self, String id, Location at, Props ep) {
    if (ep.bool("SqsSubscription").isTrue() || ep.node("SqsSubscription") instanceof MapNode) {
      f.triggers.add(new Function.Trigger("SQS", false, ep.ref("Topic"), at));
    } else {
      MessagingMappers.subscription(
          c,
          id,
          at,
          ep.ref("Topic"),
          Value.explicit("lambda", List.of(at)),
          self,
          ep.ref("RedrivePolicy.deadLetterTargetArn"));
    }
  }

  /** An EventBridge or schedule event: a rule with the function as its one target. */
  private static void eventRule(
      ResourceContext c,
      Value<Object> self,
      String name,
      String id,
      Location at,
      String type,
      Props ep) {
    EventRule r = new EventRule(c.template.scope, id, "AWS::Events::Rule", at);
    r.schedule = type.startsWith("Schedule") ? ep.str("Schedule").map(s -> s) : Value.absent();
    if (type.equals("ScheduleV2")) r.schedule = ep.str("ScheduleExpression");
    Value<Object> dlq = ep.ref("DeadLetterConfig.Arn");
    if (!dlq.present() && ep.has("DeadLetterConfig.Type")) {
      dlq =
          ep.str("DeadLetterConfig.Type")
              .map(t -> (Object) ("SAM-created " + t + " dead-letter queue"));
    }
    r.targets.add(
        new EventRule.Target(name, self, dlq, ep.integer("RetryPolicy.MaximumRetryAttempts"), at));
    c.add(r);
  }

  /**
   * An S3 event: a notification on the bucket (when it is in the template) and an async trigger.
   */
  private static void s3Event(ResourceContext c, Function f, Location at, Props ep) {
    Bucket b = c.workload.resolve(ep.ref("Bucket").get(), Bucket.class);
    if (b != null) {
      List<Object> fns =
          new ArrayList<>(
              b.lambdaNotifications.present() ? b.lambdaNotifications.get() : List.of());
      fns.add(f.ref());
      b.lambdaNotifications = Value.explicit(fns, List.of(at));
    }
    f.triggers.add(new Function.Trigger("S3", true, ep.ref("Bucket"), at));
  }

  /** A REST or HTTP API event: an integration, on SAM's implicit API when none is named. */
  private static void apiEvent(
      ResourceContext c, Value<Object> self, String id, Location at, boolean rest, Props ep) {
    ApiIntegration i =
        new ApiIntegration(
            c.template.scope,
            id,
            rest ? "AWS::ApiGateway::Method" : "AWS::ApiGatewayV2::Integration",
            at);
    i.apiKind = rest ? "REST" : "HTTP";
    Value<Object> api = ep.ref(rest ? "RestApiId" : "ApiId");
    if (!api.present() && !api.unresolved()) {
      String implicit = rest ? "ServerlessRestApi" : "ServerlessHttpApi";
      api = Value.explicit(new ResourceRef(c.template.scope, implicit, null), List.of(at));
      implicitApi(c, implicit, rest, at);
    }
    i.api = api;
    i.function = self;
    i.timeoutMillis =
        or(
            ep.integer("TimeoutInMillis"),
            rest ? 29000 : 30000,
            rest
                ? "REST API integrations time out after 29 seconds by default"
                : "HTTP API integrations time out after 30 seconds by default");
    c.add(i);
  }

  /** The API SAM creates for events without an explicit API, configured only by Globals. */
  private static void implicitApi(ResourceContext c, String id, boolean rest, Location at) {
    if (c.workload.get(c.template.scope + "#" + id + "Stage") != null) return;
    MapNode globals =
        c.template.section("Globals").get(rest ? "Api" : "HttpApi") instanceof MapNode g
            ? g
            : new MapNode(at, null, List.of());
    Props gp = new Props(c.template, globals);
    Value<Object> api = Value.explicit(new ResourceRef(c.template.scope, id, null), List.of(at));
    if (rest)
      MessagingMappers.restStage(c, gp, id + "Stage", at, api, Value.explicit("Prod", List.of(at)));
    else
      MessagingMappers.httpStage(
          c, gp, id + "Stage", at, api, Value.explicit("$default", List.of(at)));
  }
}
