package dev.relplan.iac.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.assess.Assessment;
import dev.relplan.model.Bucket;
import dev.relplan.model.Database;
import dev.relplan.model.EventSourceMapping;
import dev.relplan.model.Function;
import dev.relplan.model.Queue;
import dev.relplan.model.Stream;
import dev.relplan.model.Table;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Advice;
import dev.relplan.rules.Dialect;
import dev.relplan.rules.Finding;
import dev.relplan.source.Location;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CDK app's Java source read into the same model as its TypeScript would be. */
class CdkJavaSourceTest {
  @TempDir Path dir;

  private static final String FILE = "src/main/java/com/example/AppStack.java";

  private static final String HEADER =
      """
      package com.example;
      import software.amazon.awscdk.Duration;
      import software.amazon.awscdk.RemovalPolicy;
      import software.amazon.awscdk.Stack;
      import software.amazon.awscdk.services.rds.*;
      import software.amazon.awscdk.services.s3.Bucket;
      import software.amazon.awscdk.services.sqs.DeadLetterQueue;
      import software.amazon.awscdk.services.sqs.Queue;
      import software.amazon.awscdk.services.sqs.QueueProps;
      import software.amazon.awscdk.services.dynamodb.*;
      import software.amazon.awscdk.services.kinesis.Stream;
      import software.amazon.awscdk.services.kinesis.StreamMode;
      import software.amazon.awscdk.services.lambda.Code;
      import software.amazon.awscdk.services.lambda.Function;
      import software.amazon.awscdk.services.lambda.Runtime;
      import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
      import software.amazon.awscdk.services.lambda.eventsources.SqsEventSourceProps;
      import software.constructs.Construct;
      """;

  private Pipeline.Result run() throws IOException {
    return AppFolder.run(dir);
  }

  /** A stack class whose constructor holds the body. */
  private void stack(String body) throws IOException {
    AppFolder.write(dir, "cdk.json", "{\"app\": \"mvn -e -q compile exec:java\"}\n");
    AppFolder.write(
        dir,
        FILE,
        HEADER
            + "public class AppStack extends Stack {\n"
            + "  public AppStack(final Construct scope, final String id, final String stage) {\n"
            + "    super(scope, id);\n"
            + body
            + "  }\n}\n");
  }

  /** The line of the body's n-th line (1-based) in the stack file. */
  private static Location bodyLine(int n) {
    return new Location(FILE, HEADER.split("\n").length + 3 + n);
  }

  private Workload workload() throws IOException {
    return run().workload();
  }

  @Test
  void aBuilderCreateChainIsAConstructWithItsSetterLine() throws IOException {
    stack(
        """
            Bucket.Builder.create(this, "Uploads")
                .versioned(true)
                .build();
        """);
    Bucket b = workload().all(Bucket.class).get(0);
    assertThat(b.id).isEqualTo("AppStack/Uploads");
    assertThat(b.location).isEqualTo(bodyLine(1));
    assertThat(b.versioning.get()).isEqualTo("Enabled");
    assertThat(b.versioning.trace()).containsExactly(bodyLine(2));
    assertThat(b.declaredType).isEqualTo("software.amazon.awscdk.services.s3.Bucket");
    assertThat(Dialect.of(b)).isEqualTo(Dialect.CDK_JAVA);
  }

  @Test
  void aQueueWithoutPropsTakesTheConstructDefaults() throws IOException {
    stack("    new Queue(this, \"Orders\");\n");
    Queue q = workload().all(Queue.class).get(0);
    assertThat(q.id).isEqualTo("AppStack/Orders");
    assertThat(q.location).isEqualTo(bodyLine(1));
    assertThat(q.visibilityTimeout.isExplicit()).isFalse();
    assertThat(q.visibilityTimeout.get()).isEqualTo(30);
  }

  @Test
  void aStreamBuilderSetsItsModeAndAnUnsetOneIsProvisionedWithOneShard() throws IOException {
    stack(
        """
            Stream.Builder.create(this, "Clicks").build();
            Stream.Builder.create(this, "Orders").streamMode(StreamMode.ON_DEMAND).build();
        """);
    List<Stream> streams = workload().all(Stream.class);
    assertThat(streams.get(0).mode.get()).isEqualTo("PROVISIONED");
    assertThat(streams.get(0).shardCount.get()).isEqualTo(1);
    assertThat(Dialect.of(streams.get(0))).isEqualTo(Dialect.CDK_JAVA);
    assertThat(streams.get(1).mode.get()).isEqualTo("ON_DEMAND");
    assertThat(streams.get(1).mode.trace()).containsExactly(bodyLine(2));
  }

  @Test
  void aDatabaseWithoutMultiAzIsSingleAzByTheConstructDefault() throws IOException {
    stack(
        """
            DatabaseInstance.Builder.create(this, "Db")
                .engine(DatabaseInstanceEngine.postgres(PostgresInstanceEngineProps.builder().build()))
                .build();
        """);
    Database db = workload().all(Database.class).get(0);
    assertThat(db.multiAz.isFalse()).isTrue();
    assertThat(db.multiAz.note()).contains("AWS CDK construct aws_rds.DatabaseInstance");
    assertThat(db.engine.get()).isEqualTo("postgres");
  }

  @Test
  void multiAzSetOnThePropsBuilderIsExplicitWithItsLine() throws IOException {
    stack(
        """
            new DatabaseInstance(this, "Db", DatabaseInstanceProps.builder()
                .multiAz(true)
                .backupRetention(Duration.days(14))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build());
        """);
    Database db = workload().all(Database.class).get(0);
    assertThat(db.multiAz.isTrue()).isTrue();
    assertThat(db.multiAz.trace()).containsExactly(bodyLine(2));
    assertThat(db.backupRetentionDays.get()).isEqualTo(14);
    assertThat(db.onDelete.get()).isEqualTo("RETAIN");
    assertThat(db.deletionProtection.isTrue()).isTrue();
  }

  @Test
  void aParameterOfTheStackIsUnresolvedWithTheReason() throws IOException {
    stack(
        """
            DatabaseInstance.Builder.create(this, "Db")
                .multiAz(stage.length() > 3)
                .build();
        """);
    Value<Boolean> multiAz = workload().all(Database.class).get(0).multiAz;
    assertThat(multiAz.unresolved()).isTrue();
    assertThat(multiAz.note()).contains("stage.length()");
  }

  @Test
  void propsPassedInAsAParameterAreUnreadable() throws IOException {
    AppFolder.write(
        dir,
        FILE,
        HEADER
            + "public class AppStack extends Stack {\n"
            + "  public AppStack(final Construct scope, final QueueProps props) {\n"
            + "    super(scope, \"App\");\n"
            + "    new Queue(this, \"Jobs\", props);\n"
            + "  }\n}\n");
    Queue q = workload().all(Queue.class).get(0);
    assertThat(q.visibilityTimeout.unresolved()).isTrue();
    assertThat(q.visibilityTimeout.note()).contains("props is a parameter");
  }

  @Test
  void aFinalLocalAndAStaticConstantAreFollowedToTheirLines() throws IOException {
    AppFolder.write(
        dir,
        FILE,
        HEADER
            + "public class AppStack extends Stack {\n"
            + "  private static final int RETENTION_DAYS = 7;\n"
            + "  public AppStack(final Construct scope, final String id) {\n"
            + "    super(scope, id);\n"
            + "    final boolean standby = true;\n"
            + "    DatabaseInstance.Builder.create(this, \"Db\")\n"
            + "        .multiAz(standby)\n"
            + "        .backupRetention(Duration.days(RETENTION_DAYS))\n"
            + "        .build();\n"
            + "  }\n}\n");
    Database db = workload().all(Database.class).get(0);
    int header = HEADER.split("\n").length;
    assertThat(db.multiAz.trace())
        .containsExactly(new Location(FILE, header + 7), new Location(FILE, header + 5));
    assertThat(db.backupRetentionDays.get()).isEqualTo(7);
    assertThat(db.backupRetentionDays.trace()).contains(new Location(FILE, header + 2));
  }

  @Test
  void anEnvironmentConditionIsDecidedAsProductionWouldAndNoted() throws IOException {
    stack(
        """
            boolean isProd = "prod".equals(stage);
            DatabaseInstance.Builder.create(this, "Db").multiAz(isProd ? true : false).build();
        """);
    Pipeline.Result r = run();
    assertThat(r.workload().all(Database.class).get(0).multiAz.isTrue()).isTrue();
    assertThat(r.assessment().notes())
        .anyMatch(n -> n.contains("\"prod\".equals(stage)") && n.contains("production"));
  }

  @Test
  void anEnvironmentVariableIsNeverRead() throws IOException {
    stack(
        """
            DatabaseInstance.Builder.create(this, "Db")
                .multiAz(System.getenv("MULTI_AZ") != null)
                .build();
        """);
    Value<Boolean> multiAz = workload().all(Database.class).get(0).multiAz;
    assertThat(multiAz.unresolved()).isTrue();
    assertThat(multiAz.note()).contains("environment variable");
  }

  @Test
  void aQueueDeadLetterQueueBuilderIsAReferenceToTheOtherConstruct() throws IOException {
    stack(
        """
            Queue dlq = new Queue(this, "JobsDlq");
            Queue jobs = new Queue(this, "Jobs", QueueProps.builder()
                .visibilityTimeout(Duration.minutes(2))
                .deadLetterQueue(DeadLetterQueue.builder().queue(dlq).maxReceiveCount(5).build())
                .build());
        """);
    Workload w = workload();
    Queue jobs =
        w.all(Queue.class).stream().filter(q -> q.id.equals("AppStack/Jobs")).findFirst().get();
    assertThat(w.resolve(jobs.deadLetterTarget.get(), Queue.class).id)
        .isEqualTo("AppStack/JobsDlq");
    assertThat(jobs.maxReceiveCount.get()).isEqualTo(5);
    assertThat(jobs.visibilityTimeout.get()).isEqualTo(120);
  }

  @Test
  void aQueueWithoutADeadLetterQueueHasNone() throws IOException {
    stack("    Queue.Builder.create(this, \"Jobs\").build();\n");
    Queue q = workload().all(Queue.class).get(0);
    assertThat(q.deadLetterTarget.present()).isFalse();
    assertThat(q.deadLetterTarget.unresolved()).isFalse();
  }

  @Test
  void aDeadLetterQueueBuiltElsewhereIsUnresolved() throws IOException {
    stack(
        """
            Queue.Builder.create(this, "Jobs")
                .deadLetterQueue(deadLetters())
                .build();
        """);
    Queue q = workload().all(Queue.class).get(0);
    assertThat(q.deadLetterTarget.unresolved()).isTrue();
    assertThat(q.deadLetterTarget.note()).contains("deadLetters()");
  }

  @Test
  void anSqsEventSourceBecomesAMappingOfTheFunctionAndTheQueue() throws IOException {
    stack(
        """
            Queue jobs = new Queue(this, "Jobs");
            Function worker = Function.Builder.create(this, "Worker")
                .runtime(Runtime.JAVA_17)
                .handler("com.example.Worker::handleRequest")
                .code(Code.fromAsset("functions"))
                .timeout(Duration.seconds(20))
                .build();
            worker.addEventSource(new SqsEventSource(jobs, SqsEventSourceProps.builder()
                .batchSize(10)
                .reportBatchItemFailures(true)
                .build()));
        """);
    Workload w = workload();
    EventSourceMapping m = w.all(EventSourceMapping.class).get(0);
    assertThat(m.sourceKind).isEqualTo("SQS");
    assertThat(m.declaredType)
        .isEqualTo("software.amazon.awscdk.services.lambda.eventsources.SqsEventSource");
    assertThat(w.resolve(m.source.get(), Queue.class).id).isEqualTo("AppStack/Jobs");
    assertThat(m.reportBatchItemFailures.isTrue()).isTrue();
    Function worker = w.all(Function.class).get(0);
    assertThat(worker.timeoutSeconds.get()).isEqualTo(20);
    assertThat(worker.runtime.get()).isEqualTo("java17");
    assertThat(worker.handler.get()).isEqualTo("com.example.Worker::handleRequest");
    assertThat(worker.codeDirectory()).contains("functions");
  }

  @Test
  void anEventSourceWithoutPropsTakesTheClassDefaults() throws IOException {
    stack(
        """
            Queue jobs = new Queue(this, "Jobs");
            Function worker = Function.Builder.create(this, "Worker").build();
            worker.addEventSource(new SqsEventSource(jobs));
        """);
    EventSourceMapping m = workload().all(EventSourceMapping.class).get(0);
    assertThat(m.reportBatchItemFailures.isFalse()).isTrue();
    assertThat(m.reportBatchItemFailures.isExplicit()).isFalse();
  }

  @Test
  void tableBuilderSettingsAndNestedSpecificationsAreRead() throws IOException {
    stack(
        """
            Table.Builder.create(this, "Orders")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                    .pointInTimeRecoveryEnabled(true)
                    .build())
                .build();
            TableV2.Builder.create(this, "Carts").billing(Billing.onDemand()).build();
        """);
    List<Table> tables = workload().all(Table.class);
    assertThat(tables.get(0).billingMode.get()).isEqualTo("PAY_PER_REQUEST");
    assertThat(tables.get(0).pointInTimeRecovery.isTrue()).isTrue();
    assertThat(tables.get(1).billingMode.get()).isEqualTo("PAY_PER_REQUEST");
    assertThat(tables.get(1).pointInTimeRecovery.isFalse()).isTrue();
  }

  @Test
  void aBucketWithoutVersioningLeavesVersioningUnset() throws IOException {
    stack("    new Bucket(this, \"Uploads\");\n");
    Bucket b = workload().all(Bucket.class).get(0);
    assertThat(b.versioning.present()).isFalse();
    assertThat(b.onDelete.get()).isEqualTo("RETAIN");
    assertThat(b.onDelete.isExplicit()).isFalse();
  }

  @Test
  void aVersioningFlagFromAFieldAssignedInTheConstructorIsFollowed() throws IOException {
    AppFolder.write(
        dir,
        FILE,
        HEADER
            + "public class AppStack extends Stack {\n"
            + "  private final boolean keepVersions;\n"
            + "  public AppStack(final Construct scope, final String id) {\n"
            + "    super(scope, id);\n"
            + "    this.keepVersions = true;\n"
            + "    Bucket.Builder.create(this, \"Uploads\").versioned(this.keepVersions).build();\n"
            + "  }\n}\n");
    Bucket b = workload().all(Bucket.class).get(0);
    assertThat(b.versioning.get()).isEqualTo("Enabled");
  }

  @Test
  void aVariableAssignedTwiceIsNotFollowed() throws IOException {
    stack(
        """
            boolean versioned = false;
            versioned = true;
            Bucket.Builder.create(this, "Uploads").versioned(versioned).build();
        """);
    Bucket b = workload().all(Bucket.class).get(0);
    assertThat(b.versioning.unresolved()).isTrue();
    assertThat(b.versioning.note()).contains("assigned more than once");
  }

  @Test
  void theConstructDefaultDecidesTheFindingAndTheReportSaysSo() throws IOException {
    stack("    DatabaseInstance.Builder.create(this, \"Db\").build();\n");
    Finding f = finding(run(), "REL-DB-SINGLE-AZ");
    assertThat(f.evidence()).contains(bodyLine(1));
    assertThat(f.description())
        .contains("multiAz")
        .contains("default: the AWS CDK construct aws_rds.DatabaseInstance");
  }

  @Test
  void theFindingsAdviceIsAJavaSnippet() throws IOException {
    stack("    DatabaseInstance.Builder.create(this, \"Db\").build();\n");
    Advice advice = Advice.of(finding(run(), "REL-DB-SINGLE-AZ"));
    assertThat(advice.dialect()).isEqualTo(Dialect.CDK_JAVA);
    assertThat(advice.language()).isEqualTo("java");
    assertThat(advice.snippet()).contains(".multiAz(true)");
  }

  @Test
  void aFileWithASyntaxErrorIsSkippedAndAValidStackBesideItIsRead() throws IOException {
    stack("    new Queue(this, \"Jobs\");\n");
    AppFolder.write(
        dir,
        "src/main/java/com/example/BrokenStack.java",
        HEADER
            + "public class BrokenStack extends Stack {\n  void x( {\n    new Queue(this, \"B\");\n}\n");
    Pipeline.Result r = run();
    assertThat(r.workload().all(Queue.class))
        .extracting(q -> q.id)
        .containsExactly("AppStack/Jobs");
    assertThat(r.assessment().skippedFiles())
        .anyMatch(
            s ->
                s.file().equals("src/main/java/com/example/BrokenStack.java")
                    && s.reason().contains("Java syntax error"));
  }

  @Test
  void cdkVersionOneCoreNamesAreRead() throws IOException {
    AppFolder.write(
        dir,
        FILE,
        """
        package com.example;
        import software.amazon.awscdk.core.*;
        import software.amazon.awscdk.services.sqs.*;
        public class AppStack extends Stack {
          public AppStack(final Construct scope, final String id) {
            super(scope, id);
            Queue.Builder.create(this, "Jobs").visibilityTimeout(Duration.seconds(90)).build();
          }
        }
        """);
    Queue q = workload().all(Queue.class).get(0);
    assertThat(q.visibilityTimeout.get()).isEqualTo(90);
  }

  @Test
  void javaTestsAreNotRead() throws IOException {
    AppFolder.write(
        dir,
        "src/test/java/com/example/AppStackTest.java",
        HEADER + "class AppStackTest {\n  void t() { new Queue(null, \"Jobs\"); }\n}\n");
    assertThat(workload().all(Queue.class)).isEmpty();
  }

  @Test
  void aStackFileIsNotScannedAsApplicationCode() throws IOException {
    stack("    new Queue(this, \"Jobs\");\n");
    assertThat(run().workload().resources())
        .noneMatch(r -> r.type.startsWith("code:") && r.location.file().equals(FILE));
  }

  private static Finding finding(Pipeline.Result r, String rule) {
    return r.assessment().findings().stream()
        .map(Assessment.NumberedFinding::finding)
        .filter(f -> f.rule().id().equals(rule))
        .findFirst()
        .orElseThrow();
  }
}
