package dev.relplan.iac.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.model.Database;
import dev.relplan.model.EventSourceMapping;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.source.Location;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Python CDK app's entry point (cdk.json's {@code python3 app.py}) instantiates its stacks: the
 * keyword arguments it passes reach the stack class's {@code __init__} parameters, and the
 * production instance decides when there are several.
 */
class CdkPyAppEntryTest {
  @TempDir Path dir;

  private Pipeline.Result run() throws IOException {
    return AppFolder.run(dir);
  }

  private void write(String name, String content) throws IOException {
    AppFolder.write(dir, name, content);
  }

  /**
   * A stack whose database's Multi-AZ setting and backups follow its {@code __init__} parameters.
   */
  private void dataStack() throws IOException {
    write("cdk.json", "{\"app\": \"python3 app.py\"}\n");
    write(
        "stacks/data_stack.py",
        """
        from aws_cdk import Duration, Stack
        from aws_cdk import aws_rds as rds
        from constructs import Construct


        class DataStack(Stack):
            def __init__(self, scope: Construct, construct_id: str, stage: str, days: int, **kwargs):
                super().__init__(scope, construct_id, **kwargs)
                rds.DatabaseInstance(
                    self,
                    "Db",
                    engine=rds.DatabaseInstanceEngine.postgres(),
                    multi_az=stage == "prod",
                    backup_retention=Duration.days(days),
                )
        """);
  }

  private void app(String body) throws IOException {
    write(
        "app.py",
        """
        import aws_cdk as cdk
        from stacks.data_stack import DataStack

        app = cdk.App()
        """
            + body
            + "app.synth()\n");
  }

  private static Database db(Workload w) {
    return w.all(Database.class).get(0);
  }

  @Test
  void aStagePassedByKeywordDecidesTheStacksCondition() throws IOException {
    dataStack();
    app("DataStack(app, \"Data\", stage=\"dev\", days=3)\n");

    Database db = db(run().workload());

    assertThat(db.multiAz.get()).isFalse();
    assertThat(db.multiAz.trace()).contains(new Location("app.py", 5));
  }

  @Test
  void aProductionStageAndANumberPassedByKeywordReachTheDatabase() throws IOException {
    dataStack();
    app("DataStack(app, \"Data\", stage=\"prod\", days=14)\n");

    Database db = db(run().workload());

    assertThat(db.multiAz.get()).isTrue();
    assertThat(db.backupRetentionDays.get()).isEqualTo(14);
    assertThat(db.backupRetentionDays.trace()).contains(new Location("app.py", 5));
  }

  @Test
  void theProductionInstanceDecidesAndTheNotesSaySo() throws IOException {
    dataStack();
    app(
        """
        DataStack(app, "Data-dev", stage="dev", days=1)
        DataStack(app, "Data-prod", stage="prod", days=30)
        """);

    Pipeline.Result result = run();

    assertThat(db(result.workload()).multiAz.get()).isTrue();
    assertThat(db(result.workload()).backupRetentionDays.get()).isEqualTo(30);
    assertThat(result.assessment().notes())
        .anyMatch(
            n ->
                n.contains("DataStack is instantiated 2 times (app.py:5, app.py:6)")
                    && n.contains("production instance (app.py:6, stage 'prod')"));
  }

  @Test
  void eachStageInstantiatedIsAnEnvironmentOfTheWorkload() throws IOException {
    dataStack();
    app(
        """
        DataStack(app, "Data-staging", stage="staging", days=1)
        DataStack(app, "Orders-Data-prod", stage="x", days=1)
        """);

    Workload w = run().workload();

    assertThat(w.environments)
        .extracting(Workload.EnvironmentEvidence::environment)
        .containsExactly("staging", "prod");
  }

  @Test
  void instancesNoneOfWhichIsProductionLeaveTheValuesUnresolvedWithTheReason() throws IOException {
    dataStack();
    app(
        """
        DataStack(app, "Data-a", stage="a", days=1)
        DataStack(app, "Data-b", stage="b", days=30)
        """);

    Database db = db(run().workload());

    assertThat(db.backupRetentionDays.source()).isEqualTo(Value.Source.UNRESOLVED);
    assertThat(db.backupRetentionDays.note())
        .contains("DataStack is instantiated 2 times")
        .contains("none is named for production");
  }

  @Test
  void withoutAnEntryPointAParameterStaysGivenByTheCaller() throws IOException {
    dataStack();

    Database db = db(run().workload());

    assertThat(db.backupRetentionDays.source()).isEqualTo(Value.Source.UNRESOLVED);
    assertThat(db.backupRetentionDays.note()).contains("days is a parameter");
  }

  /** A stack reading its stage from {@code **kwargs}, as the app passes it. */
  private void kwargsStack(String read) throws IOException {
    write("cdk.json", "{\"app\": \"python3 app.py\"}\n");
    write(
        "stacks/data_stack.py",
        """
        from aws_cdk import Stack
        from aws_cdk import aws_rds as rds


        class DataStack(Stack):
            def __init__(self, scope, construct_id, **kwargs):
                super().__init__(scope, construct_id)
                rds.DatabaseInstance(
                    self,
                    "Db",
                    engine=rds.DatabaseInstanceEngine.postgres(),
                    multi_az=%s == "prod",
                )
        """
            .formatted(read));
  }

  @Test
  void aKwargsItemIsTheKeywordTheAppPasses() throws IOException {
    kwargsStack("kwargs[\"stage\"]");
    app("DataStack(app, \"Data\", stage=\"dev\")\n");

    Database db = db(run().workload());

    assertThat(db.multiAz.get()).isFalse();
    assertThat(db.multiAz.trace()).contains(new Location("app.py", 5));
  }

  @Test
  void aKwargsGetFallsBackToItsDefaultWhenTheAppDoesNotPassIt() throws IOException {
    kwargsStack("kwargs.get(\"stage\", \"dev\")");
    app("DataStack(app, \"Data\")\n");

    assertThat(db(run().workload()).multiAz.get()).isFalse();
  }

  @Test
  void aParameterPassedByPositionIsFollowed() throws IOException {
    dataStack();
    app("DataStack(app, \"Data\", \"dev\", 5)\n");

    Database db = db(run().workload());

    assertThat(db.multiAz.get()).isFalse();
    assertThat(db.backupRetentionDays.get()).isEqualTo(5);
  }

  @Test
  void aParameterTheAppDoesNotPassTakesItsDefault() throws IOException {
    write("cdk.json", "{\"app\": \"python3 app.py\"}\n");
    write(
        "stacks/data_stack.py",
        """
        from aws_cdk import Duration, Stack
        from aws_cdk import aws_rds as rds


        class DataStack(Stack):
            def __init__(self, scope, construct_id, days: int = 9, **kwargs):
                super().__init__(scope, construct_id, **kwargs)
                rds.DatabaseInstance(
                    self,
                    "Db",
                    engine=rds.DatabaseInstanceEngine.postgres(),
                    backup_retention=Duration.days(days),
                )
        """);
    app("DataStack(app, \"Data\")\n");

    assertThat(db(run().workload()).backupRetentionDays.get()).isEqualTo(9);
  }

  @Test
  void aContextLookupOfTheEntryPointIsUnresolvedWithItsReason() throws IOException {
    dataStack();
    app("DataStack(app, \"Data\", stage=\"prod\", days=app.node.try_get_context(\"days\"))\n");

    Database db = db(run().workload());

    assertThat(db.backupRetentionDays.source()).isEqualTo(Value.Source.UNRESOLVED);
    assertThat(db.backupRetentionDays.note()).contains("the context value \"days\"");
  }

  @Test
  void anEnvironmentVariableOfTheEntryPointIsUnresolvedWithItsReason() throws IOException {
    dataStack();
    write(
        "app.py",
        """
        import os
        import aws_cdk as cdk
        from stacks.data_stack import DataStack

        app = cdk.App()
        DataStack(app, "Data", stage="prod", days=os.environ["DAYS"])
        """);

    Database db = db(run().workload());

    assertThat(db.backupRetentionDays.source()).isEqualTo(Value.Source.UNRESOLVED);
    assertThat(db.backupRetentionDays.note()).contains("the environment variable");
  }

  @Test
  void aPositionalArgumentDoesNotBindAKeywordOnlyParameter() throws IOException {
    write("cdk.json", "{\"app\": \"python3 app.py\"}\n");
    write(
        "stacks/data_stack.py",
        """
        from aws_cdk import Stack
        from aws_cdk import aws_rds as rds


        class DataStack(Stack):
            def __init__(self, scope, construct_id, *, stage="dev"):
                super().__init__(scope, construct_id)
                rds.DatabaseInstance(
                    self,
                    "Db",
                    engine=rds.DatabaseInstanceEngine.postgres(),
                    multi_az=stage == "prod",
                )
        """);
    app("DataStack(app, \"Data\", \"prod\", \"prod\")\n");

    assertThat(db(run().workload()).multiAz.get()).isFalse();
  }

  @Test
  void aDictionaryBuiltByTheEntryPointIsUnresolvedWithItsReason() throws IOException {
    dataStack();
    app("DataStack(app, \"Data\", stage=\"prod\", days={\"n\": 3})\n");

    Database db = db(run().workload());

    assertThat(db.backupRetentionDays.source()).isEqualTo(Value.Source.UNRESOLVED);
    assertThat(db.backupRetentionDays.note()).contains("an object built in the app's entry point");
  }

  @Test
  void aQueuePassedFromAnotherStackIsTheSameResourceForItsEventSource() throws IOException {
    write("cdk.json", "{\"app\": \"python3 app.py\"}\n");
    write(
        "stacks/data_stack.py",
        """
        from aws_cdk import Stack
        from aws_cdk import aws_sqs as sqs


        class DataStack(Stack):
            def __init__(self, scope, construct_id, **kwargs):
                super().__init__(scope, construct_id, **kwargs)
                self.jobs = sqs.Queue(self, "Jobs")
        """);
    write(
        "stacks/worker_stack.py",
        """
        from aws_cdk import Stack
        from aws_cdk import aws_lambda as _lambda
        from aws_cdk.aws_lambda_event_sources import SqsEventSource


        class WorkerStack(Stack):
            def __init__(self, scope, construct_id, *, jobs, **kwargs):
                super().__init__(scope, construct_id, **kwargs)
                fn = _lambda.Function(
                    self,
                    "Worker",
                    runtime=_lambda.Runtime.PYTHON_3_12,
                    handler="index.handler",
                    code=_lambda.Code.from_asset("lambda"),
                )
                fn.add_event_source(SqsEventSource(jobs))
        """);
    write(
        "app.py",
        """
        import aws_cdk as cdk
        from stacks.data_stack import DataStack
        from stacks.worker_stack import WorkerStack

        app = cdk.App()
        data = DataStack(app, "Data")
        WorkerStack(app, "Worker", jobs=data.jobs)
        """);

    Workload w = run().workload();

    EventSourceMapping mapping = w.all(EventSourceMapping.class).get(0);
    assertThat(mapping.references)
        .contains(new ResourceRef("cdk:stacks/data_stack.py", "DataStack/Jobs", null));
  }
}
