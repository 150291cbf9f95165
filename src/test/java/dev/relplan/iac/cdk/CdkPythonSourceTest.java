package dev.relplan.iac.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.model.Database;
import dev.relplan.model.EventHandler;
import dev.relplan.model.EventSourceMapping;
import dev.relplan.model.Function;
import dev.relplan.model.Queue;
import dev.relplan.model.Table;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Dialect;
import dev.relplan.source.Location;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CDK app's Python source read into the same model as its TypeScript would be. */
class CdkPythonSourceTest {
  @TempDir Path dir;

  private Pipeline.Result run() throws IOException {
    return AppFolder.run(dir);
  }

  private void write(String name, String content) throws IOException {
    AppFolder.write(dir, name, content);
  }

  private static final String HEADER =
      """
      import os
      from aws_cdk import Duration, RemovalPolicy, Stack
      from aws_cdk import aws_rds as rds, aws_sqs as sqs
      import aws_cdk.aws_lambda as lambda_
      from aws_cdk.aws_lambda_event_sources import SqsEventSource
      from aws_cdk import aws_dynamodb as dynamodb
      STAGE = "prod"
      """;

  private void stack(String body) throws IOException {
    write("cdk.json", "{\"app\": \"python3 app.py\"}\n");
    write(
        "app/app_stack.py",
        HEADER
            + "class AppStack(Stack):\n"
            + "    def __init__(self, scope, construct_id, *, stage, settings, **kwargs):\n"
            + "        super().__init__(scope, construct_id, **kwargs)\n"
            + body);
  }

  /** The line of the body's n-th line (1-based) in app/app_stack.py. */
  private static Location bodyLine(int n) {
    return new Location("app/app_stack.py", HEADER.split("\n").length + 3 + n);
  }

  @Test
  void anUnsetKeywordTakesTheConstructDefaultAndTheCallLineIsCited() throws IOException {
    stack(
        "        rds.DatabaseInstance(self, \"Db\", engine=rds.DatabaseInstanceEngine.postgres())\n");
    Database db = run().workload().all(Database.class).get(0);
    assertThat(db.id).isEqualTo("AppStack/Db");
    assertThat(db.location).isEqualTo(bodyLine(1));
    assertThat(db.engine.get()).isEqualTo("postgres");
    assertThat(db.multiAz.isFalse()).isTrue();
    assertThat(db.multiAz.note()).contains("AWS CDK construct aws_rds.DatabaseInstance");
    assertThat(db.declaredType).isEqualTo("aws_cdk.aws_rds.DatabaseInstance");
    assertThat(Dialect.of(db)).isEqualTo(Dialect.CDK_PYTHON);
  }

  @Test
  void aSnakeCaseKeywordIsReadAsTheCamelCaseProperty() throws IOException {
    stack(
        """
                rds.DatabaseInstance(
                    self, "Db",
                    multi_az=True,
                    backup_retention=Duration.days(14),
                    removal_policy=RemovalPolicy.RETAIN,
                )
        """);
    Database db = run().workload().all(Database.class).get(0);
    assertThat(db.multiAz.isTrue()).isTrue();
    assertThat(db.multiAz.trace()).containsExactly(bodyLine(3));
    assertThat(db.backupRetentionDays.get()).isEqualTo(14);
    assertThat(db.onDelete.get()).isEqualTo("RETAIN");
    assertThat(db.deletionProtection.isTrue()).isTrue();
  }

  @Test
  void aValueFromAModuleDictionaryCitesTheKeywordAndTheDictionary() throws IOException {
    write("cdk.json", "{\"app\": \"python3 app.py\"}\n");
    write(
        "app/app_stack.py",
        """
        from aws_cdk import Stack, aws_rds as rds
        SETTINGS = {"multi_az": False}
        class AppStack(Stack):
            def __init__(self, scope, construct_id):
                rds.DatabaseInstance(self, "Db",
                    multi_az=SETTINGS.get("multi_az", True))
        """);
    Database db = run().workload().all(Database.class).get(0);
    assertThat(db.multiAz.isFalse()).isTrue();
    assertThat(db.multiAz.trace())
        .containsExactly(new Location("app/app_stack.py", 6), new Location("app/app_stack.py", 2));
  }

  @Test
  void anEnvironmentConditionIsDecidedAsProductionWouldAndNoted() throws IOException {
    stack(
        """
                is_prod = stage == "prod"
                rds.DatabaseInstance(self, "Db", multi_az=True if is_prod else False)
        """);
    Pipeline.Result r = run();
    assertThat(r.workload().all(Database.class).get(0).multiAz.isTrue()).isTrue();
    assertThat(r.assessment().notes())
        .anyMatch(n -> n.contains("stage == \"prod\"") && n.contains("production"));
  }

  @Test
  void aModuleConstantDecidesAConditionWithoutANote() throws IOException {
    stack("        rds.DatabaseInstance(self, \"Db\", multi_az=STAGE == \"prod\" and not False)\n");
    Pipeline.Result r = run();
    assertThat(r.workload().all(Database.class).get(0).multiAz.isTrue()).isTrue();
    assertThat(r.assessment().notes()).noneMatch(n -> n.contains("STAGE"));
  }

  @Test
  void aParameterGivenByTheAppIsUnresolvedWithTheReason() throws IOException {
    stack("        rds.DatabaseInstance(self, \"Db\", multi_az=settings[\"multi_az\"])\n");
    Value<Boolean> multiAz = run().workload().all(Database.class).get(0).multiAz;
    assertThat(multiAz.unresolved()).isTrue();
    assertThat(multiAz.note()).contains("settings is a parameter");
  }

  @Test
  void keywordsSplattedFromAnUnfollowedValueAreUnresolved() throws IOException {
    stack("        rds.DatabaseInstance(self, \"Db\", **settings)\n");
    Value<Boolean> multiAz = run().workload().all(Database.class).get(0).multiAz;
    assertThat(multiAz.unresolved()).isTrue();
    assertThat(multiAz.note()).contains("**settings");
  }

  @Test
  void anEnvironmentVariableIsNeverRead() throws IOException {
    stack(
        "        rds.DatabaseInstance(self, \"Db\", multi_az=os.environ[\"MULTI_AZ\"] == \"1\")\n");
    Value<Boolean> multiAz = run().workload().all(Database.class).get(0).multiAz;
    assertThat(multiAz.unresolved()).isTrue();
    assertThat(multiAz.note()).contains("environment variable");
  }

  @Test
  void aQueueDeadLetterQueueStructIsAReferenceToTheOtherConstruct() throws IOException {
    stack(
        """
                dlq = sqs.Queue(self, "JobsDlq")
                jobs = sqs.Queue(
                    self,
                    "Jobs",
                    visibility_timeout=Duration.minutes(2),
                    dead_letter_queue=sqs.DeadLetterQueue(max_receive_count=5, queue=dlq),
                )
        """);
    Workload w = run().workload();
    Queue jobs =
        w.all(Queue.class).stream().filter(q -> q.id.equals("AppStack/Jobs")).findFirst().get();
    assertThat(w.resolve(jobs.deadLetterTarget.get(), Queue.class).id)
        .isEqualTo("AppStack/JobsDlq");
    assertThat(jobs.maxReceiveCount.get()).isEqualTo(5);
    assertThat(jobs.visibilityTimeout.get()).isEqualTo(120);
  }

  @Test
  void anSqsEventSourceBecomesAMappingAndTheHandlerIsFoundLikeSams() throws IOException {
    stack(
        """
                jobs = sqs.Queue(self, "Jobs")
                worker = lambda_.Function(
                    self,
                    "Worker",
                    runtime=lambda_.Runtime.PYTHON_3_12,
                    handler="worker.handler",
                    code=lambda_.Code.from_asset("functions"),
                    timeout=Duration.seconds(20),
                )
                worker.add_event_source(SqsEventSource(jobs, batch_size=5))
        """);
    write("functions/worker.py", "def handler(event, context):\n    return None\n");
    Workload w = run().workload();
    EventSourceMapping m = w.all(EventSourceMapping.class).get(0);
    assertThat(m.sourceKind).isEqualTo("SQS");
    assertThat(m.declaredType).isEqualTo("aws_cdk.aws_lambda_event_sources.SqsEventSource");
    assertThat(w.resolve(m.source.get(), Queue.class).id).isEqualTo("AppStack/Jobs");
    Function worker = w.all(Function.class).get(0);
    assertThat(worker.timeoutSeconds.get()).isEqualTo(20);
    assertThat(worker.runtime.get()).isEqualTo("python3.12");
    assertThat(worker.codeDirectory()).contains("functions");
    assertThat(w.eventHandlers)
        .extracting((EventHandler h) -> h.location.file())
        .contains("functions/worker.py");
  }

  @Test
  void anAssetBesideTheModuleIsFoundThroughItsFolder() throws IOException {
    stack(
        """
                lambda_.Function(self, "Worker", handler="worker.handler",
                    code=lambda_.Code.from_asset(os.path.join(os.path.dirname(__file__), "worker")))
        """);
    Function worker = run().workload().all(Function.class).get(0);
    assertThat(worker.codeDirectory()).contains("app/worker");
  }

  @Test
  void tableKeywordsAndStructsAreRead() throws IOException {
    stack(
        """
                dynamodb.Table(self, "Orders",
                    billing_mode=dynamodb.BillingMode.PAY_PER_REQUEST,
                    point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(
                        point_in_time_recovery_enabled=True))
                dynamodb.TableV2(self, "Carts", billing=dynamodb.Billing.on_demand())
        """);
    List<Table> tables = run().workload().all(Table.class);
    assertThat(tables.get(0).billingMode.get()).isEqualTo("PAY_PER_REQUEST");
    assertThat(tables.get(0).pointInTimeRecovery.isTrue()).isTrue();
    assertThat(tables.get(1).billingMode.isExplicit()).isTrue();
    assertThat(tables.get(1).pointInTimeRecovery.isFalse()).isTrue();
  }

  @Test
  void cdkVersionOneModulesAreRead() throws IOException {
    write("cdk.json", "{\"app\": \"python3 app.py\"}\n");
    write(
        "app/app_stack.py",
        """
        from aws_cdk import core, aws_sqs
        class AppStack(core.Stack):
            def __init__(self, scope, id):
                aws_sqs.Queue(self, "Jobs", visibility_timeout=core.Duration.seconds(90))
        """);
    Queue q = run().workload().all(Queue.class).get(0);
    assertThat(q.visibilityTimeout.get()).isEqualTo(90);
  }

  @Test
  void aModuleWithASyntaxErrorIsListedAsSkipped() throws IOException {
    stack("        rds.DatabaseInstance(self, \"Db\", multi_az=)\n");
    Pipeline.Result r = run();
    assertThat(r.workload().all(Database.class)).isEmpty();
    assertThat(r.assessment().skippedFiles())
        .anyMatch(s -> s.file().equals("app/app_stack.py") && s.reason().contains("syntax error"));
  }

  @Test
  void pytestModulesAreNotRead() throws IOException {
    write(
        "tests/unit/test_app_stack.py",
        "from aws_cdk import aws_rds as rds\nrds.DatabaseInstance(None, \"Db\")\n");
    assertThat(run().workload().all(Database.class)).isEmpty();
  }
}
