package dev.relplan.iac.cdk;

import static dev.relplan.iac.common.TypedSettings.or;

import dev.relplan.model.Database;
import dev.relplan.model.Function;
import dev.relplan.model.Queue;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Stream;
import dev.relplan.model.Table;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The constructs of {@code aws-cdk-lib} read into the model, each with the CloudFormation type it
 * synthesises and the construct library's documented defaults, which differ from CloudFormation's
 * (docs/cdk-defaults.md cites each).
 */
final class ConstructMappers {
  private ConstructMappers() {}

  /** A construct's CloudFormation type and how its properties fill the model. */
  record Mapping(String cloudFormationType, BiConsumer<Construct, Workload> mapper) {}

  private static final Map<String, Mapping> MAPPINGS =
      Map.ofEntries(
          Map.entry(
              "aws_rds.DatabaseInstance",
              new Mapping("AWS::RDS::DBInstance", ConstructMappers::databaseInstance)),
          Map.entry(
              "aws_dynamodb.Table", new Mapping("AWS::DynamoDB::Table", ConstructMappers::table)),
          Map.entry(
              "aws_dynamodb.TableV2",
              new Mapping("AWS::DynamoDB::GlobalTable", ConstructMappers::tableV2)),
          Map.entry("aws_sqs.Queue", new Mapping("AWS::SQS::Queue", ConstructMappers::queue)),
          Map.entry(
              "aws_kinesis.Stream", new Mapping("AWS::Kinesis::Stream", ConstructMappers::stream)),
          Map.entry("aws_cloudwatch.Alarm", new Mapping("AWS::CloudWatch::Alarm", Alarms::alarm)),
          Map.entry(
              "aws_lambda.Function",
              new Mapping("AWS::Lambda::Function", FunctionMapper::function)),
          Map.entry(
              "aws_lambda_nodejs.NodejsFunction",
              new Mapping("AWS::Lambda::Function", FunctionMapper::nodejsFunction)),
          Map.entry(
              "aws_lambda_python_alpha.PythonFunction",
              new Mapping("AWS::Lambda::Function", FunctionMapper::pythonFunction)),
          Map.entry(
              "aws_lambda_go_alpha.GoFunction",
              new Mapping("AWS::Lambda::Function", FunctionMapper::goFunction)),
          Map.entry(
              "aws_apigateway.RestApi",
              new Mapping("AWS::ApiGateway::RestApi", ApiMappers::restApi)),
          Map.entry(
              "aws_apigateway.LambdaRestApi",
              new Mapping("AWS::ApiGateway::RestApi", ApiMappers::lambdaRestApi)),
          Map.entry(
              "aws_apigatewayv2.HttpApi",
              new Mapping("AWS::ApiGatewayV2::Api", ApiMappers::httpApi)),
          Map.entry(
              "aws_apigatewayv2.HttpStage",
              new Mapping("AWS::ApiGatewayV2::Stage", ApiMappers::httpStage)),
          Map.entry(
              "aws_rds.DatabaseCluster",
              new Mapping("AWS::RDS::DBCluster", StorageMappers::databaseCluster)),
          Map.entry(
              "aws_events.Rule", new Mapping("AWS::Events::Rule", OperationsMappers::eventRule)),
          Map.entry(
              "aws_backup.BackupPlan",
              new Mapping("AWS::Backup::BackupPlan", OperationsMappers::backupPlan)),
          Map.entry(
              "aws_codedeploy.LambdaDeploymentGroup",
              new Mapping(
                  "AWS::CodeDeploy::DeploymentGroup", OperationsMappers::lambdaDeploymentGroup)),
          Map.entry(
              "aws_autoscaling.AutoScalingGroup",
              new Mapping(
                  "AWS::AutoScaling::AutoScalingGroup", AutoScalingMappers::autoScalingGroup)),
          Map.entry(
              "aws_ecs.FargateService",
              new Mapping("AWS::ECS::Service", ContainerMappers::fargateService)),
          Map.entry(
              "aws_ecs.Ec2Service", new Mapping("AWS::ECS::Service", ContainerMappers::ec2Service)),
          Map.entry(
              "aws_ecs_patterns.ApplicationLoadBalancedFargateService",
              new Mapping("AWS::ECS::Service", ContainerMappers::loadBalancedFargateService)),
          Map.entry(
              "aws_ecs_patterns.NetworkLoadBalancedFargateService",
              new Mapping("AWS::ECS::Service", ContainerMappers::loadBalancedFargateService)),
          Map.entry("aws_ec2.Vpc", new Mapping("AWS::EC2::VPC", NetworkMappers::vpc)),
          Map.entry("aws_s3.Bucket", new Mapping("AWS::S3::Bucket", StorageMappers::bucket)),
          Map.entry(
              "aws_elasticache.CfnReplicationGroup",
              new Mapping(
                  "AWS::ElastiCache::ReplicationGroup", StorageMappers::cfnReplicationGroup)),
          Map.entry(
              "aws_apigatewayv2_alpha.HttpApi",
              new Mapping("AWS::ApiGatewayV2::Api", ApiMappers::httpApi)));

  /**
   * What the file's calls add to its constructs: event sources of functions, methods and routes of
   * APIs, targets of rules, rules and selections of backup plans.
   */
  static void readCalls(Expressions x, String scope, Workload draft) {
    EventSources.read(x, scope, draft);
    ApiRoutes.read(x, draft);
    OperationsMappers.read(x, draft);
    ContainerMappers.read(x, draft);
    AutoScalingMappers.read(x, draft);
    TableScaling.read(x, scope, draft);
    Alarms.readActions(x, draft);
    Grants.read(x, draft);
  }

  /**
   * The constructs whose mappers read their properties through {@link CdkProps} alone, and so from
   * Python source as well as TypeScript; the others follow TypeScript expressions (array elements,
   * nested calls) and are read from TypeScript source only.
   */
  private static final Set<String> PYTHON_READ =
      Set.of(
          "aws_rds.DatabaseInstance",
          "aws_dynamodb.Table",
          "aws_dynamodb.TableV2",
          "aws_sqs.Queue",
          "aws_kinesis.Stream",
          "aws_lambda.Function",
          "aws_lambda_nodejs.NodejsFunction",
          "aws_lambda_python_alpha.PythonFunction",
          "aws_lambda_go_alpha.GoFunction",
          "aws_cloudwatch.Alarm");

  /** Whether a construct read from Python source is modelled. */
  static boolean readsPython(String name) {
    return name != null && PYTHON_READ.contains(name) && of(name) != null;
  }

  /** The mapping of a canonical construct name, or null when relplan does not model it. */
  static Mapping of(String name) {
    return name == null ? null : MAPPINGS.get(name);
  }

  /**
   * The construct library's documented default for an unset property, worded so the report says
   * whose default it is: "the AWS CDK construct aws_rds.DatabaseInstance is Single-AZ unless …".
   */
  static String constructDefault(Construct c, String why) {
    return "the AWS CDK construct " + c.name() + " " + why;
  }

  static void databaseInstance(Construct c, Workload draft) {
    CdkProps p = c.props();
    Database db = new Database(c.scope(), c.id(), "AWS::RDS::DBInstance", c.location());
    db.kind = Database.Kind.INSTANCE;
    db.engine = p.str("engine");
    db.multiAz =
        or(p.bool("multiAz"), false, constructDefault(c, "is Single-AZ unless multiAz is true"));
    db.backupRetentionDays =
        or(p.days("backupRetention"), 1, constructDefault(c, "keeps automated backups for 1 day"));
    db.onDelete =
        removalPolicy(
            c, "SNAPSHOT", "takes a final snapshot when removed (RemovalPolicy.SNAPSHOT)");
    db.deletionProtection = deletionProtection(c, db.onDelete);
    c.add(db, draft);
  }

  /** deletionProtection defaults to whether the removal policy is RETAIN. */
  static Value<Boolean> deletionProtection(Construct c, Value<String> onDelete) {
    Value<Boolean> set = c.props().bool("deletionProtection");
    if (set.present() || set.unresolved()) return set;
    if (onDelete.unresolved()) return Value.unresolved(onDelete.note(), onDelete.trace());
    boolean retained = "RETAIN".equals(onDelete.get());
    return onDelete.isExplicit()
        ? Value.explicit(retained, onDelete.trace())
        : Value.defaulted(
            retained,
            constructDefault(
                c, "turns deletion protection on only when the removal policy is RETAIN"));
  }

  /** The removal policy as CloudFormation's deletion policy: RETAIN, SNAPSHOT or DELETE. */
  static Value<String> removalPolicy(Construct c, String fallback, String why) {
    Value<String> set = c.props().str("removalPolicy");
    if (set.present()) return set.map(v -> v.equals("DESTROY") ? "DELETE" : v);
    return or(set, fallback, constructDefault(c, why));
  }

  static void table(Construct c, Workload draft) {
    CdkProps p = c.props();
    Table t = new Table(c.scope(), c.id(), "AWS::DynamoDB::Table", c.location());
    t.name = p.str("tableName");
    boolean replicated = p.has("replicationRegions");
    t.billingMode =
        or(
            p.str("billingMode"),
            replicated ? "PAY_PER_REQUEST" : "PROVISIONED",
            constructDefault(
                c,
                replicated
                    ? "is on-demand when it has replicas"
                    : "is PROVISIONED (5 read and 5 write units)"));
    t.readCapacity = provisioned(c, t.billingMode, "readCapacity");
    t.writeCapacity = provisioned(c, t.billingMode, "writeCapacity");
    t.replicaRegions = withStackRegion(p.list("replicationRegions"));
    commonTable(c, t);
    c.add(t, draft);
  }

  private static Value<Integer> provisioned(Construct c, Value<String> billing, String key) {
    if (!"PROVISIONED".equals(billing.get())) return c.props().integer(key);
    return or(c.props().integer(key), 5, constructDefault(c, "provisions 5 capacity units"));
  }

  static void tableV2(Construct c, Workload draft) {
    CdkProps p = c.props();
    Table t = new Table(c.scope(), c.id(), "AWS::DynamoDB::GlobalTable", c.location());
    t.name = p.str("tableName");
    t.billingMode =
        p.has("billing")
            ? billing(p)
            : Value.defaulted("PAY_PER_REQUEST", constructDefault(c, "bills on demand"));
    if ("PROVISIONED".equals(t.billingMode.get()))
      TableScaling.provisionedTableV2(c, p.keyLocation("billing"), draft);
    Value<Object> replicas = p.raw("replicas");
    t.replicaRegions =
        replicas.unresolved()
            ? Value.unresolved(replicas.note(), replicas.trace())
            : withStackRegion(p.collect("replicas", "region", p.keyLocation("replicas")));
    commonTable(c, t);
    c.add(t, draft);
  }

  /**
   * {@code Billing.onDemand()} or {@code Billing.provisioned(...)}, read from the factory's name.
   */
  private static Value<String> billing(CdkProps p) {
    Value<Object> raw = p.raw("billing");
    if (raw.present() && raw.get() instanceof String mode) return Value.explicit(mode, raw.trace());
    if (raw.unresolved()) return Value.unresolved(raw.note(), raw.trace());
    return Value.unresolved(
        "the billing " + p.keyLocation("billing") + " is not read", raw.trace());
  }

  /**
   * Point-in-time recovery, deletion protection, TTL and removal policy of both table constructs.
   */
  private static void commonTable(Construct c, Table t) {
    CdkProps p = c.props();
    Value<Boolean> recovery =
        p.has("pointInTimeRecoverySpecification")
            ? p.bool("pointInTimeRecoverySpecification.pointInTimeRecoveryEnabled")
            : p.bool("pointInTimeRecovery");
    t.pointInTimeRecovery =
        or(recovery, false, constructDefault(c, "has point-in-time recovery off"));
    t.deletionProtection =
        or(p.bool("deletionProtection"), false, constructDefault(c, "has deletion protection off"));
    Value<String> ttl = p.str("timeToLiveAttribute");
    t.timeToLive =
        ttl.present()
            ? Value.explicit(true, ttl.trace())
            : ttl.unresolved()
                ? Value.unresolved(ttl.note(), ttl.trace())
                : Value.defaulted(false, constructDefault(c, "has no time-to-live attribute"));
    t.onDelete = removalPolicy(c, "RETAIN", "is retained when removed (RemovalPolicy.RETAIN)");
  }

  /**
   * The Regions of a table's replicas with its own: the constructs' {@code replicationRegions} and
   * {@code replicas} name only the other Regions, the table itself lives in the stack's, as the
   * model counts a global table's Regions.
   */
  private static Value<List<Object>> withStackRegion(Value<List<Object>> others) {
    if (!others.present() || others.get().isEmpty()) return others;
    List<Object> regions = new ArrayList<>(others.get());
    regions.add(0, "stack Region");
    return Value.explicit(regions, others.trace());
  }

  /** A Kinesis stream: provisioned with one shard unless the construct says otherwise. */
  static void stream(Construct c, Workload draft) {
    CdkProps p = c.props();
    Stream s = new Stream(c.scope(), c.id(), "AWS::Kinesis::Stream", c.location());
    s.mode =
        or(p.str("streamMode"), "PROVISIONED", constructDefault(c, "is PROVISIONED (StreamMode)"));
    s.shardCount =
        "PROVISIONED".equals(s.mode.orElse(null))
            ? or(p.integer("shardCount"), 1, constructDefault(c, "has 1 shard when provisioned"))
            : p.integer("shardCount");
    c.add(s, draft);
  }

  static void queue(Construct c, Workload draft) {
    CdkProps p = c.props();
    Queue q = new Queue(c.scope(), c.id(), "AWS::SQS::Queue", c.location());
    q.name = p.str("queueName");
    q.fifo =
        or(
            p.bool("fifo"),
            q.name.present() && q.name.get().endsWith(".fifo"),
            constructDefault(c, "is a standard queue unless its name ends in .fifo"));
    q.visibilityTimeout =
        or(
            p.seconds("visibilityTimeout"),
            30,
            constructDefault(c, "hides a received message for 30 seconds"));
    q.contentBasedDeduplication =
        or(
            p.bool("contentBasedDeduplication"),
            false,
            constructDefault(c, "does not deduplicate by content"));
    boolean allow = p.has("redriveAllowPolicy");
    q.declaresRedriveAllow =
        Value.explicit(allow, allow ? List.of(p.keyLocation("redriveAllowPolicy")) : List.of());
    if (p.has("deadLetterQueue")) {
      CdkProps dlq = p.child("deadLetterQueue");
      q.deadLetterTarget = dlq.ref("queue").withTrace(List.of(p.keyLocation("deadLetterQueue")));
      q.maxReceiveCount = dlq.integer("maxReceiveCount");
    } else {
      q.deadLetterTarget =
          p.raw("deadLetterQueue").unresolved()
              ? p.raw("deadLetterQueue")
              : Value.defaulted(null, constructDefault(c, "has no dead-letter queue"));
    }
    q.onDelete = removalPolicy(c, "DELETE", "is deleted when removed (RemovalPolicy.DESTROY)");
    c.add(q, draft);
  }

  /** A function construct's common properties; the caller fills the handler and code. */
  static Function function(Construct c) {
    CdkProps p = c.props();
    Function f = new Function(c.scope(), c.id(), "AWS::Lambda::Function", c.location());
    f.name = p.str("functionName");
    f.timeoutSeconds =
        or(p.seconds("timeout"), 3, constructDefault(c, "times out after 3 seconds"));
    f.reservedConcurrency = p.integer("reservedConcurrentExecutions");
    f.deadLetterTarget = p.ref("deadLetterQueue");
    if (!f.deadLetterTarget.present() && p.bool("deadLetterQueueEnabled").isTrue())
      f.deadLetterTarget =
          Value.explicit(
              c.id() + "/DeadLetterQueue", List.of(p.keyLocation("deadLetterQueueEnabled")));
    f.onFailureDestination = onFailure(p);
    return f;
  }

  /**
   * {@code onFailure: new destinations.SqsDestination(queue)} (or an SNS, Lambda or EventBridge
   * destination): the function keeps failed asynchronous events, in the construct the destination
   * is given when the file declares it.
   */
  private static Value<Object> onFailure(CdkProps p) {
    if (!p.has("onFailure")) return Value.absent();
    Location at = p.keyLocation("onFailure");
    Value<Object> written = p.ref("onFailure");
    // The destination's queue, topic or function is followed in TypeScript source.
    if (written.get() instanceof Expressions.Created && p instanceof TsProps ts)
      written = EventSources.failureDestination(ts.expressions(), written);
    if (written.get() instanceof ResourceRef target) return Value.explicit(target, List.of(at));
    return Value.explicit("on-failure destination", List.of(at));
  }

  /** The runtime as Lambda names it: {@code Runtime.NODEJS_20_X} is nodejs20.x. */
  static Value<String> runtime(CdkProps p) {
    return p.str("runtime").map(ConstructMappers::lambdaRuntime);
  }

  static String lambdaRuntime(String member) {
    String lower = member.toLowerCase(Locale.ROOT);
    int first = lower.indexOf('_');
    if (first < 0) return lower;
    String family = lower.substring(0, first);
    String version = lower.substring(first + 1).replace('_', '.');
    return family + version;
  }
}
