package dev.relplan.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.relplan.source.Location;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The relationships the linker derives from a model filled by any adapter, built here directly. */
class LinkerTest {
  private final Workload w = new Workload();
  private int line = 1;

  private Location next() {
    return new Location("template.yaml", line++);
  }

  private static Value<Object> ref(Resource r) {
    return Value.explicit(r.ref(), List.of());
  }

  private <T extends Resource> T add(T r) {
    w.add(r);
    return r;
  }

  private Database database(String id, Database.Kind kind) {
    Database db =
        add(
            new Database(
                "t",
                id,
                kind == Database.Kind.CLUSTER ? "AWS::RDS::DBCluster" : "AWS::RDS::DBInstance",
                next()));
    db.kind = kind;
    return db;
  }

  private Function function(String id) {
    return add(new Function("t", id, "AWS::Lambda::Function", next()));
  }

  private Queue queue(String id) {
    return add(new Queue("t", id, "AWS::SQS::Queue", next()));
  }

  private ComputeGroup ecsService(String id) {
    ComputeGroup g = add(new ComputeGroup("t", id, "AWS::ECS::Service", next()));
    g.kind = ComputeGroup.Kind.ECS_SERVICE;
    return g;
  }

  @Test
  void anInstanceInAClusterIsAMemberOfIt() {
    Database cluster = database("Cluster", Database.Kind.CLUSTER);
    Database writer = database("Writer", Database.Kind.INSTANCE);
    writer.cluster = ref(cluster);
    Linker.link(w);
    assertThat(cluster.members).containsExactly(writer);
  }

  @Test
  void aReadReplicaIsListedOnItsSource() {
    Database primary = database("Primary", Database.Kind.INSTANCE);
    Database replica = database("Replica", Database.Kind.INSTANCE);
    replica.replicaSource = ref(primary);
    Linker.link(w);
    assertThat(primary.replicas).containsExactly(replica);
    assertThat(replica.replicas).isEmpty();
  }

  @Test
  void aQueueNamedInARedrivePolicyIsADeadLetterQueueOfItsSource() {
    Queue orders = queue("Orders");
    Queue dlq = queue("OrdersDlq");
    orders.deadLetterTarget = ref(dlq);
    Linker.link(w);
    assertThat(dlq.deadLetterSources).containsExactly(orders);
    assertThat(orders.deadLetterSources).isEmpty();
  }

  @Test
  void aQueueThatIsTheOnFailureDestinationOfAnEventSourceMappingIsADeadLetterQueue() {
    Queue dlq = queue("Failures");
    EventSourceMapping mapping =
        add(new EventSourceMapping("t", "Mapping", "AWS::Lambda::EventSourceMapping", next()));
    mapping.onFailure = ref(dlq);
    Linker.link(w);
    assertThat(dlq.deadLetterSources).containsExactly(mapping);
  }

  @Test
  void aLambdaSubscriptionToATopicIsAnAsynchronousSnsTrigger() {
    Function f = function("Notify");
    Subscription s = add(new Subscription("t", "Sub", "AWS::SNS::Subscription", next()));
    s.protocol = Value.explicit("lambda", List.of());
    s.endpoint = ref(f);
    Linker.link(w);
    assertThat(f.triggers)
        .extracting(Function.Trigger::kind, Function.Trigger::async)
        .containsExactly(tuple("SNS", true));
    assertThat(f.invokedAsynchronously()).isTrue();
  }

  @Test
  void aSubscriptionOfAnotherProtocolDoesNotTriggerTheFunction() {
    Function f = function("Notify");
    Subscription s = add(new Subscription("t", "Sub", "AWS::SNS::Subscription", next()));
    s.protocol = Value.explicit("sqs", List.of());
    s.endpoint = ref(f);
    Linker.link(w);
    assertThat(f.triggers).isEmpty();
  }

  @Test
  void aScheduledRuleTargetIsAScheduleTriggerAndAPatternRuleAnEventBridgeTrigger() {
    Function nightly = function("Nightly");
    Function onEvent = function("OnEvent");
    EventRule schedule = add(new EventRule("t", "Schedule", "AWS::Events::Rule", next()));
    schedule.schedule = Value.explicit("rate(1 day)", List.of());
    schedule.targets.add(
        new EventRule.Target("1", ref(nightly), Value.absent(), Value.absent(), next()));
    EventRule pattern = add(new EventRule("t", "Pattern", "AWS::Events::Rule", next()));
    pattern.targets.add(
        new EventRule.Target("1", ref(onEvent), Value.absent(), Value.absent(), next()));
    Linker.link(w);
    assertThat(nightly.triggers).extracting(Function.Trigger::kind).containsExactly("SCHEDULE");
    assertThat(onEvent.triggers).extracting(Function.Trigger::kind).containsExactly("EVENTBRIDGE");
    assertThat(onEvent.invokedAsynchronously()).isTrue();
  }

  @Test
  void anEventSourceMappingIsASynchronousTriggerOfItsSourcesKind() {
    Function f = function("Consumer");
    Queue q = queue("Jobs");
    EventSourceMapping mapping =
        add(new EventSourceMapping("t", "Mapping", "AWS::Lambda::EventSourceMapping", next()));
    mapping.function = ref(f);
    mapping.source = ref(q);
    Linker.link(w);
    assertThat(mapping.sourceKind).isEqualTo("SQS");
    assertThat(f.triggers)
        .extracting(Function.Trigger::kind, Function.Trigger::async)
        .containsExactly(tuple("SQS", false));
    assertThat(f.invokedAsynchronously()).isFalse();
  }

  @Test
  void anEventSourceOutsideTheModelTakesItsKindFromTheArn() {
    Function f = function("Consumer");
    EventSourceMapping mapping =
        add(new EventSourceMapping("t", "Mapping", "AWS::Lambda::EventSourceMapping", next()));
    mapping.function = ref(f);
    mapping.source =
        Value.explicit("arn:aws:kafka:us-east-1:123456789012:cluster/orders/abc", List.of());
    Linker.link(w);
    assertThat(f.triggers).extracting(Function.Trigger::kind).containsExactly("KAFKA");
  }

  @Test
  void aTriggerOnAnAliasReachesItsFunction() {
    Function f = function("Api");
    Alias live = add(new Alias("t", "Live", "AWS::Lambda::Alias", next()));
    live.function = ref(f);
    ApiIntegration integration =
        add(new ApiIntegration("t", "Integration", "AWS::ApiGateway::Method", next()));
    integration.function = ref(live);
    Linker.link(w);
    assertThat(f.triggers).extracting(Function.Trigger::kind).containsExactly("API_REST");
    assertThat(f.servesApi()).isTrue();
    assertThat(f.alias.get()).isEqualTo("Live");
  }

  @Test
  void anOnFailureDestinationOfAnEventInvokeConfigBecomesTheFunctions() {
    Function f = function("Worker");
    Queue failures = queue("Failures");
    EventInvokeConfig config =
        add(new EventInvokeConfig("t", "Config", "AWS::Lambda::EventInvokeConfig", next()));
    config.function = ref(f);
    config.onFailure = ref(failures);
    Linker.link(w);
    assertThat(f.onFailureDestination.get()).isEqualTo(failures.ref());
    assertThat(failures.deadLetterSources).containsExactly(config);
  }

  @Test
  void aScalableTargetGivesAnEcsServiceItsCapacityBounds() {
    ComputeGroup service = ecsService("Service");
    ScalableTarget target =
        add(
            new ScalableTarget(
                "t", "Target", "AWS::ApplicationAutoScaling::ScalableTarget", next()));
    target.resourceId = ref(service);
    target.min = Value.explicit(2, List.of());
    target.max = Value.explicit(6, List.of());
    Linker.link(w);
    assertThat(service.scalableTarget).isSameAs(target);
    assertThat(service.min.get()).isEqualTo(2);
    assertThat(service.max.get()).isEqualTo(6);
  }

  @Test
  void aPolicyOnAScalableTargetScalesTheServiceBehindIt() {
    ComputeGroup service = ecsService("Service");
    ScalableTarget target =
        add(
            new ScalableTarget(
                "t", "Target", "AWS::ApplicationAutoScaling::ScalableTarget", next()));
    target.resourceRefs = List.of(service.ref());
    ScalingPolicy policy =
        add(new ScalingPolicy("t", "Policy", "AWS::ApplicationAutoScaling::ScalingPolicy", next()));
    policy.target = ref(target);
    Linker.link(w);
    assertThat(target.policies).containsExactly(policy);
    assertThat(service.scalingPolicies).containsExactly(policy);
  }

  @Test
  void aPolicyOnAnAutoScalingGroupIsOneOfItsPolicies() {
    ComputeGroup group =
        add(new ComputeGroup("t", "Group", "AWS::AutoScaling::AutoScalingGroup", next()));
    group.kind = ComputeGroup.Kind.AUTO_SCALING_GROUP;
    ScalingPolicy policy =
        add(new ScalingPolicy("t", "Policy", "AWS::AutoScaling::ScalingPolicy", next()));
    policy.target = ref(group);
    Linker.link(w);
    assertThat(group.scalingPolicies).containsExactly(policy);
  }

  @Test
  void aScalableTargetOnATableIsRecordedOnTheTable() {
    Table table = add(new Table("t", "Orders", "AWS::DynamoDB::Table", next()));
    ScalableTarget target =
        add(
            new ScalableTarget(
                "t", "WriteTarget", "AWS::ApplicationAutoScaling::ScalableTarget", next()));
    target.resourceRefs = List.of(table.ref());
    Linker.link(w);
    assertThat(table.scalableTargets).containsExactly(target);
  }

  /** A list scan per source would take minutes for this one queue; the timeout guards a hang. */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aDeadLetterQueueSharedByHundredsOfThousandsOfQueuesListsEachOnce() {
    Queue dlq = queue("Dlq");
    int sources = 200_000;
    for (int i = 0; i < sources; i++) queue("Q" + i).deadLetterTarget = ref(dlq);
    Linker.link(w);
    assertThat(dlq.deadLetterSources).hasSize(sources);
  }
}
