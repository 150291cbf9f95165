package dev.relplan.iac.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.model.Database;
import dev.relplan.model.EventHandler;
import dev.relplan.model.EventSourceMapping;
import dev.relplan.model.Function;
import dev.relplan.model.Queue;
import dev.relplan.model.Stream;
import dev.relplan.model.Table;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.source.Location;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CDK app's TypeScript source read into the model without synthesising it. */
class CdkSourceTest {
  @TempDir Path dir;

  private Pipeline.Result run() throws IOException {
    return AppFolder.run(dir);
  }

  private void write(String name, String content) throws IOException {
    AppFolder.write(dir, name, content);
  }

  private static final String HEADER =
      """
      import * as cdk from 'aws-cdk-lib';
      import * as rds from 'aws-cdk-lib/aws-rds';
      import * as sqs from 'aws-cdk-lib/aws-sqs';
      import * as lambda from 'aws-cdk-lib/aws-lambda';
      import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
      import { aws_dynamodb as dynamodb } from 'aws-cdk-lib';
      import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
      import * as kinesis from 'aws-cdk-lib/aws-kinesis';
      """;

  private void stack(String body) throws IOException {
    write("cdk.json", "{\"app\": \"npx ts-node bin/app.ts\"}\n");
    write(
        "lib/app-stack.ts",
        HEADER
            + "export class AppStack extends cdk.Stack {\n"
            + "  constructor(scope: any, id: string, props: any) {\n"
            + "    super(scope, id, props);\n"
            + body
            + "  }\n}\n");
  }

  /** The line of the body's n-th line (1-based) in lib/app-stack.ts. */
  private static Location bodyLine(int n) {
    return new Location("lib/app-stack.ts", HEADER.split("\n").length + 3 + n);
  }

  @Test
  void anUnsetPropertyTakesTheConstructDefaultNamedAsSuch() throws IOException {
    stack(
        "    new rds.DatabaseInstance(this, 'Db', { engine: rds.DatabaseInstanceEngine.postgres({}) });\n");
    Database db = run().workload().all(Database.class).get(0);
    assertThat(db.id).isEqualTo("AppStack/Db");
    assertThat(db.location).isEqualTo(bodyLine(1));
    assertThat(db.multiAz.source()).isEqualTo(Value.Source.DEFAULT);
    assertThat(db.multiAz.get()).isFalse();
    assertThat(db.multiAz.note()).contains("AWS CDK construct aws_rds.DatabaseInstance");
    assertThat(db.engine.get()).isEqualTo("postgres");
    assertThat(db.onDelete.get()).isEqualTo("SNAPSHOT");
  }

  @Test
  void aValueFromAConstantObjectCitesThePropertyAndTheConstant() throws IOException {
    stack(
        """
            const settings = { multiAz: true, retention: cdk.Duration.days(14) };
            new rds.DatabaseInstance(this, 'Db', {
              multiAz: settings.multiAz,
              backupRetention: settings.retention,
            });
        """);
    Database db = run().workload().all(Database.class).get(0);
    assertThat(db.multiAz.isTrue()).isTrue();
    assertThat(db.multiAz.trace()).containsSubsequence(bodyLine(3), bodyLine(1));
    assertThat(db.backupRetentionDays.get()).isEqualTo(14);
  }

  @Test
  void anEnvironmentConditionIsDecidedAsProductionWouldAndNoted() throws IOException {
    stack(
        """
            const isProd = props.stage === 'prod';
            new rds.DatabaseInstance(this, 'Db', { multiAz: isProd ? true : false });
        """);
    Pipeline.Result r = run();
    assertThat(r.workload().all(Database.class).get(0).multiAz.isTrue()).isTrue();
    assertThat(r.assessment().notes())
        .anyMatch(n -> n.contains("props.stage === 'prod'") && n.contains("production"));
  }

  @Test
  void aValueGivenByTheAppIsUnresolvedWithTheReason() throws IOException {
    stack("    new rds.DatabaseInstance(this, 'Db', { multiAz: props.highlyAvailable });\n");
    Value<Boolean> multiAz = run().workload().all(Database.class).get(0).multiAz;
    assertThat(multiAz.unresolved()).isTrue();
    assertThat(multiAz.note()).contains("props is a parameter");
  }

  @Test
  void propertiesBuiltWithAnUnfollowedSpreadAreUnresolved() throws IOException {
    stack("    new rds.DatabaseInstance(this, 'Db', { ...props.database });\n");
    Value<Boolean> multiAz = run().workload().all(Database.class).get(0).multiAz;
    assertThat(multiAz.unresolved()).isTrue();
  }

  @Test
  void aQueueDeadLetterQueueIsAReferenceToTheOtherConstruct() throws IOException {
    stack(
        """
            const dlq = new sqs.Queue(this, 'Dlq');
            const jobs = new sqs.Queue(this, 'Jobs', {
              deadLetterQueue: { queue: dlq, maxReceiveCount: 5 },
              visibilityTimeout: cdk.Duration.minutes(2),
            });
        """);
    Workload w = run().workload();
    Queue jobs =
        w.all(Queue.class).stream()
            .filter(q -> q.id.equals("AppStack/Jobs"))
            .findFirst()
            .orElseThrow();
    assertThat(w.resolve(jobs.deadLetterTarget.get(), Queue.class).id).isEqualTo("AppStack/Dlq");
    assertThat(jobs.maxReceiveCount.get()).isEqualTo(5);
    assertThat(jobs.visibilityTimeout.get()).isEqualTo(120);
  }

  @Test
  void anSqsEventSourceBecomesAMappingAndTheHandlerIsFoundLikeSams() throws IOException {
    stack(
        """
            const jobs = new sqs.Queue(this, 'Jobs');
            const worker = new NodejsFunction(this, 'Worker', {
              entry: 'functions/worker.ts',
              timeout: cdk.Duration.seconds(20),
            });
            worker.addEventSource(new SqsEventSource(jobs, { batchSize: 5 }));
        """);
    write("functions/worker.ts", "export const handler = async (event: any) => { return; };\n");
    Workload w = run().workload();
    EventSourceMapping m = w.all(EventSourceMapping.class).get(0);
    assertThat(m.sourceKind).isEqualTo("SQS");
    assertThat(w.resolve(m.source.get(), Queue.class).id).isEqualTo("AppStack/Jobs");
    Function worker = w.all(Function.class).get(0);
    assertThat(worker.timeoutSeconds.get()).isEqualTo(20);
    assertThat(worker.handler.get()).isEqualTo("worker.handler");
    assertThat(worker.codeDirectory()).contains("functions");
    assertThat(w.eventHandlers)
        .extracting((EventHandler h) -> h.location.file())
        .contains("functions/worker.ts");
  }

  @Test
  void aGoFunctionsEntryFolderHoldsItsHandlerAndItsStreamFailureQueueIsNoWorkQueue()
      throws IOException {
    write(
        "lib/go-stack.ts",
        """
        import * as cdk from 'aws-cdk-lib';
        import { GoFunction } from '@aws-cdk/aws-lambda-go-alpha';
        import { Stream } from 'aws-cdk-lib/aws-kinesis';
        import { Queue } from 'aws-cdk-lib/aws-sqs';
        import { StartingPosition } from 'aws-cdk-lib/aws-lambda';
        import { KinesisEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
        import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
        export class GoStack extends cdk.Stack {
          constructor(scope: any, id: string) {
            super(scope, id);
            const fn = new GoFunction(this, 'Reader', { entry: 'src/reader/main.go' });
            const stream = new Stream(this, 'Events');
            const failed = new Queue(this, 'FailedRecords');
            fn.addEventSource(new KinesisEventSource(stream, {
              startingPosition: StartingPosition.TRIM_HORIZON,
              onFailure: new SqsDestination(failed),
            }));
          }
        }
        """);
    write("cdk.json", "{\"app\": \"npx ts-node lib/go-stack.ts\"}\n");
    write(
        "src/reader/main.go",
        """
        package main

        import "github.com/aws/aws-lambda-go/lambda"

        func handle() error { return nil }

        func main() { lambda.Start(handle) }
        """);
    Workload w = run().workload();
    Function reader = w.all(Function.class).get(0);
    assertThat(reader.runtime.source()).isEqualTo(Value.Source.DEFAULT);
    assertThat(reader.codeDirectory()).contains("src/reader");
    assertThat(w.all(EventSourceMapping.class).get(0).onFailure.present()).isTrue();
    assertThat(w.all(Queue.class).get(0).deadLetterSources).hasSize(1);
  }

  @Test
  void tablesTakeTheirConstructsBillingDefaults() throws IOException {
    stack(
        """
            new dynamodb.Table(this, 'Orders', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING } });
            new dynamodb.TableV2(this, 'Carts', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING }, pointInTimeRecovery: true });
        """);
    List<Table> tables = run().workload().all(Table.class);
    assertThat(tables.get(0).billingMode.get()).isEqualTo("PROVISIONED");
    assertThat(tables.get(0).pointInTimeRecovery.isFalse()).isTrue();
    assertThat(tables.get(1).billingMode.get()).isEqualTo("PAY_PER_REQUEST");
    assertThat(tables.get(1).pointInTimeRecovery.isTrue()).isTrue();
  }

  @Test
  void streamsTakeTheConstructsModeAndShardDefaults() throws IOException {
    stack(
        """
            new kinesis.Stream(this, 'Clicks');
            new kinesis.Stream(this, 'Orders', { streamMode: kinesis.StreamMode.ON_DEMAND });
            new kinesis.Stream(this, 'Audit', { shardCount: 4 });
        """);
    List<Stream> streams = run().workload().all(Stream.class);
    assertThat(streams)
        .extracting(s -> s.id)
        .containsExactly("AppStack/Clicks", "AppStack/Orders", "AppStack/Audit");
    assertThat(streams.get(0).mode.get()).isEqualTo("PROVISIONED");
    assertThat(streams.get(0).shardCount.get()).isEqualTo(1);
    assertThat(streams.get(0).shardCount.note()).contains("aws_kinesis.Stream has 1 shard");
    assertThat(streams.get(1).mode.isExplicit()).isTrue();
    assertThat(streams.get(1).mode.get()).isEqualTo("ON_DEMAND");
    assertThat(streams.get(1).shardCount.present()).isFalse();
    assertThat(streams.get(2).shardCount.isExplicit()).isTrue();
    assertThat(streams.get(2).shardCount.get()).isEqualTo(4);
  }

  @Test
  void aFileWithASyntaxErrorIsListedAsSkipped() throws IOException {
    stack("    new rds.DatabaseInstance(this, 'Db', { multiAz: });\n");
    Pipeline.Result r = run();
    assertThat(r.workload().all(Database.class)).isEmpty();
    assertThat(r.assessment().skippedFiles())
        .anyMatch(s -> s.file().equals("lib/app-stack.ts") && s.reason().contains("syntax error"));
  }
}
