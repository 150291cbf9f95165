package dev.relplan.iac.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.model.Database;
import dev.relplan.model.EventSourceMapping;
import dev.relplan.model.Function;
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
 * A CDK app's entry point (named by cdk.json) instantiates its stacks: the values it passes are
 * followed into each stack, the production instance decides when there are several, and a construct
 * passed between stacks is the same reference as one in the file.
 */
class CdkAppEntryTest {
  @TempDir Path dir;

  private Pipeline.Result run() throws IOException {
    return AppFolder.run(dir);
  }

  private void write(String name, String content) throws IOException {
    AppFolder.write(dir, name, content);
  }

  /** A stack whose database's Multi-AZ setting and backups follow its props. */
  private void dataStack() throws IOException {
    write("cdk.json", "{\"app\": \"npx ts-node --prefer-ts-exts bin/app.ts\"}\n");
    write(
        "lib/data-stack.ts",
        """
        import * as cdk from 'aws-cdk-lib';
        import * as rds from 'aws-cdk-lib/aws-rds';
        import * as sqs from 'aws-cdk-lib/aws-sqs';

        export class DataStack extends cdk.Stack {
          public readonly jobs: sqs.Queue;
          constructor(scope: cdk.App, id: string, props: { stage: string; config: any }) {
            super(scope, id, props);
            this.jobs = new sqs.Queue(this, 'Jobs');
            new rds.DatabaseInstance(this, 'Db', {
              engine: rds.DatabaseInstanceEngine.postgres({}),
              multiAz: props.stage === 'prod',
              backupRetention: cdk.Duration.days(props.config.retentionDays),
            });
          }
        }
        """);
  }

  private void app(String body) throws IOException {
    write(
        "bin/app.ts",
        """
        import * as cdk from 'aws-cdk-lib';
        import { DataStack } from '../lib/data-stack';

        const app = new cdk.App();
        """
            + body);
  }

  private static Database db(Workload w) {
    return w.all(Database.class).get(0);
  }

  @Test
  void aStagePassedByTheEntryPointDecidesTheStacksCondition() throws IOException {
    dataStack();
    app("new DataStack(app, 'Data', { stage: 'dev', config: { retentionDays: 3 } });\n");

    Database db = db(run().workload());

    assertThat(db.multiAz.get()).isFalse();
    assertThat(db.multiAz.trace()).contains(new Location("bin/app.ts", 5));
  }

  @Test
  void aConfigObjectsMemberIsFollowedThroughAConstantOfTheEntryPoint() throws IOException {
    dataStack();
    app(
        """
        const prodConfig = { retentionDays: 14 };
        new DataStack(app, 'Data', { stage: 'prod', config: prodConfig });
        """);

    Database db = db(run().workload());

    assertThat(db.backupRetentionDays.get()).isEqualTo(14);
    assertThat(db.backupRetentionDays.trace()).contains(new Location("bin/app.ts", 5));
  }

  @Test
  void theProductionInstanceDecidesAndTheNotesSaySo() throws IOException {
    dataStack();
    app(
        """
        new DataStack(app, 'Data-dev', { stage: 'dev', config: { retentionDays: 1 } });
        new DataStack(app, 'Data-prod', { stage: 'prod', config: { retentionDays: 30 } });
        """);

    Pipeline.Result result = run();

    assertThat(db(result.workload()).multiAz.get()).isTrue();
    assertThat(db(result.workload()).backupRetentionDays.get()).isEqualTo(30);
    assertThat(result.assessment().notes())
        .anyMatch(
            n ->
                n.contains("DataStack is instantiated 2 times (bin/app.ts:5, bin/app.ts:6)")
                    && n.contains("production instance (bin/app.ts:6, stage 'prod')"));
  }

  @Test
  void eachStageInstantiatedIsAnEnvironmentOfTheWorkload() throws IOException {
    dataStack();
    app(
        """
        new DataStack(app, 'Data-staging', { stage: 'staging', config: {} });
        new DataStack(app, 'Orders-Data-prod', { stage: 'x', config: {} });
        """);

    Workload w = run().workload();

    assertThat(w.environments)
        .extracting(Workload.EnvironmentEvidence::environment)
        .containsExactly("staging", "prod");
  }

  @Test
  void aStackTheAppMakesOnceIsNoEnvironmentWhateverItsIdNames() throws IOException {
    dataStack();
    app(
        """
        new DataStack(app, 'Orders-load-test', { stage: 'test', config: {} });
        """);

    Workload w = run().workload();

    assertThat(w.environments).isEmpty();
  }

  @Test
  void instancesNoneOfWhichIsProductionLeaveTheValuesUnresolvedWithTheReason() throws IOException {
    dataStack();
    app(
        """
        new DataStack(app, 'Data-a', { stage: 'a', config: { retentionDays: 1 } });
        new DataStack(app, 'Data-b', { stage: 'b', config: { retentionDays: 30 } });
        """);

    Database db = db(run().workload());

    assertThat(db.backupRetentionDays.source()).isEqualTo(Value.Source.UNRESOLVED);
    assertThat(db.backupRetentionDays.note())
        .contains("DataStack is instantiated 2 times")
        .contains("none is named for production");
  }

  @Test
  void aContextLookupOfTheEntryPointIsUnresolvedWithItsReason() throws IOException {
    dataStack();
    app(
        """
        const days = app.node.tryGetContext('retentionDays');
        new DataStack(app, 'Data', { stage: 'prod', config: { retentionDays: days } });
        """);

    Database db = db(run().workload());

    assertThat(db.backupRetentionDays.source()).isEqualTo(Value.Source.UNRESOLVED);
    assertThat(db.backupRetentionDays.note()).contains("the context value 'retentionDays'");
  }

  @Test
  void withoutAnEntryPointAStacksPropsStayParametersGivenByTheCaller() throws IOException {
    dataStack();

    Database db = db(run().workload());

    assertThat(db.backupRetentionDays.note()).contains("props is a parameter");
  }

  @Test
  void aQueuePassedFromAnotherStackIsTheSameResourceForItsEventSource() throws IOException {
    dataStack();
    write(
        "lib/worker-stack.ts",
        """
        import * as cdk from 'aws-cdk-lib';
        import * as lambda from 'aws-cdk-lib/aws-lambda';
        import * as sqs from 'aws-cdk-lib/aws-sqs';
        import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';

        export interface WorkerProps extends cdk.StackProps { jobs: sqs.Queue }
        export class WorkerStack extends cdk.Stack {
          constructor(scope: cdk.App, id: string, props: WorkerProps) {
            super(scope, id, props);
            const fn = new lambda.Function(this, 'Worker', {
              runtime: lambda.Runtime.NODEJS_20_X,
              handler: 'index.handler',
              code: lambda.Code.fromAsset('lambda'),
            });
            fn.addEventSource(new SqsEventSource(props.jobs));
          }
        }
        """);
    app(
        """
        import { WorkerStack } from '../lib/worker-stack';
        const data = new DataStack(app, 'Data', { stage: 'prod', config: {} });
        new WorkerStack(app, 'Worker', { jobs: data.jobs });
        """);

    Workload w = run().workload();

    EventSourceMapping mapping = w.all(EventSourceMapping.class).get(0);
    assertThat(mapping.references)
        .contains(new ResourceRef("cdk:lib/data-stack.ts", "DataStack/Jobs", null));
    assertThat(w.all(Function.class)).hasSize(1);
  }

  @Test
  void aTableFromAnotherStackNamedInTheEnvironmentIsOneTheFunctionDependsOn() throws IOException {
    write("cdk.json", "{\"app\": \"npx ts-node bin/app.ts\"}\n");
    write(
        "lib/data.ts",
        """
        import * as cdk from 'aws-cdk-lib';
        import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
        export class Data extends cdk.Stack {
          public readonly table = new dynamodb.Table(this, 'Orders', {
            partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
          });
        }
        """);
    write(
        "lib/api.ts",
        """
        import * as cdk from 'aws-cdk-lib';
        import * as lambda from 'aws-cdk-lib/aws-lambda';
        export class Api extends cdk.Stack {
          constructor(scope: cdk.App, id: string, props: any) {
            super(scope, id, props);
            const fn = new lambda.Function(this, 'Create', {
              runtime: lambda.Runtime.NODEJS_20_X,
              handler: 'index.handler',
              code: lambda.Code.fromAsset('lambda'),
              environment: { TABLE: props.table.tableName },
            });
          }
        }
        """);
    write(
        "bin/app.ts",
        """
        import * as cdk from 'aws-cdk-lib';
        import { Data } from '../lib/data';
        import { Api } from '../lib/api';
        const app = new cdk.App();
        const data = new Data(app, 'Data');
        new Api(app, 'Api', { table: data.table });
        """);

    Function fn = run().workload().all(Function.class).get(0);

    assertThat(fn.references).contains(new ResourceRef("cdk:lib/data.ts", "Data/Orders", null));
  }

  @Test
  void aGrantOfTheStacksOwnTableToItsFunctionIsADependency() throws IOException {
    write("cdk.json", "{\"app\": \"npx ts-node bin/app.ts\"}\n");
    write(
        "lib/one.ts",
        """
        import * as cdk from 'aws-cdk-lib';
        import * as lambda from 'aws-cdk-lib/aws-lambda';
        import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
        export class One extends cdk.Stack {
          constructor(scope: cdk.App, id: string) {
            super(scope, id);
            const table = new dynamodb.Table(this, 'Orders', {
              partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
            });
            const fn = new lambda.Function(this, 'Create', {
              runtime: lambda.Runtime.NODEJS_20_X,
              handler: 'index.handler',
              code: lambda.Code.fromAsset('lambda'),
            });
            table.grantReadWriteData(fn);
          }
        }
        """);

    Function fn = run().workload().all(Function.class).get(0);

    assertThat(fn.references).contains(new ResourceRef("cdk:lib/one.ts", "One/Orders", null));
  }

  @Test
  void aStageSubclassMadeForEachEnvironmentPassesTheProductionStageToItsStacks()
      throws IOException {
    dataStack();
    write(
        "lib/app-stage.ts",
        """
        import * as cdk from 'aws-cdk-lib';
        import { DataStack } from './data-stack';

        export class AppStage extends cdk.Stage {
          constructor(scope: cdk.App, id: string, props: { stage: string }) {
            super(scope, id);
            new DataStack(this, 'Data', { stage: props.stage, config: { retentionDays: 7 } });
          }
        }
        """);
    write(
        "bin/app.ts",
        """
        import * as cdk from 'aws-cdk-lib';
        import { AppStage } from '../lib/app-stage';
        const app = new cdk.App();
        new AppStage(app, 'Dev', { stage: 'dev' });
        new AppStage(app, 'Prod', { stage: 'prod' });
        """);

    Workload w = run().workload();

    assertThat(db(w).multiAz.get()).isTrue();
    assertThat(db(w).multiAz.trace()).contains(new Location("bin/app.ts", 5));
    assertThat(w.environments)
        .extracting(Workload.EnvironmentEvidence::environment)
        .containsExactly("dev", "prod");
  }

  @Test
  void aConstructClassAStackMakesTwiceNamesNoEnvironmentAndLeavesItsPropsUnresolved()
      throws IOException {
    write("cdk.json", "{\"app\": \"npx ts-node bin/app.ts\"}\n");
    write(
        "lib/parts.ts",
        """
        import * as cdk from 'aws-cdk-lib';
        import * as sqs from 'aws-cdk-lib/aws-sqs';
        import { Construct } from 'constructs';
        export class Inbox extends Construct {
          constructor(scope: Construct, id: string, props: { seconds: number }) {
            super(scope, id);
            new sqs.Queue(this, 'Queue', { visibilityTimeout: cdk.Duration.seconds(props.seconds) });
          }
        }
        export class Mail extends cdk.Stack {
          constructor(scope: cdk.App, id: string) {
            super(scope, id);
            new Inbox(this, 'DevInbox', { seconds: 10 });
            new Inbox(this, 'TestInbox', { seconds: 20 });
          }
        }
        """);
    write(
        "bin/app.ts",
        """
        import * as cdk from 'aws-cdk-lib';
        import { Mail } from '../lib/parts';
        const app = new cdk.App();
        new Mail(app, 'Mail');
        """);

    Pipeline.Result result = run();

    assertThat(result.workload().environments).isEmpty();
    assertThat(result.assessment().notes()).noneMatch(n -> n.contains("Inbox is instantiated"));
  }
}
