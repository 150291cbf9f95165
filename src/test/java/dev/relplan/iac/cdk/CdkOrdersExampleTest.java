package dev.relplan.iac.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.assess.Assessment;
import dev.relplan.model.Database;
import dev.relplan.model.Function;
import dev.relplan.model.Table;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Advice;
import dev.relplan.rules.Context;
import dev.relplan.rules.Finding;
import dev.relplan.rules.Risk;
import dev.relplan.source.Location;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * examples/cdk-orders: a CDK TypeScript app of three stacks read from source, without cdk.out: a
 * reporting database left to the construct's Single-AZ default, an orders table with point-in-time
 * recovery, and a payment queue without a dead-letter queue drained by a handler that is not
 * idempotent.
 */
class CdkOrdersExampleTest {
  private static Pipeline.Result result;

  @BeforeAll
  static void run() throws Exception {
    result =
        Pipeline.run(
            new Pipeline.Request(
                List.of(Path.of("examples/cdk-orders")), null, Context.defaults(), List.of()));
  }

  private static List<Finding> findings(String rule) {
    return result.assessment().findings().stream()
        .map(Assessment.NumberedFinding::finding)
        .filter(f -> f.rule().id().equals(rule))
        .toList();
  }

  @Test
  void theReportingDatabaseIsSingleAzByTheConstructsDefault() {
    assertThat(findings("REL-DB-SINGLE-AZ"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.evidence()).contains(new Location("lib/data-stack.ts", 29));
              assertThat(f.description())
                  .contains("default: the AWS CDK construct aws_rds.DatabaseInstance");
            });
  }

  @Test
  void twoFunctionsSharingTheLambdaFolderEachOwnOnlyTheirHandlersFile() {
    assertThat(findings("REL-CODE-CALL-NO-TIMEOUT"))
        .hasSize(2)
        .allSatisfy(
            f -> {
              String file = f.evidence().get(0).file();
              String owner =
                  file.equals("lambda/mark-paid.ts")
                      ? "WorkerStack/MarkPaid"
                      : "ApiStack/CreateOrder";
              assertThat(f.impactReason()).contains("in the code of " + owner);
            });
  }

  @Test
  void thePaymentQueueWithoutADeadLetterQueueIsCitedAtItsConstruct() {
    assertThat(findings("REL-ASYNC-NO-DLQ"))
        .singleElement()
        .satisfies(
            f -> assertThat(f.evidence()).containsExactly(new Location("lib/worker-stack.ts", 19)));
  }

  @Test
  void theQueueHandlerWithoutIdempotencyCitesItsHandlerAndItsEventSource() {
    assertThat(findings("REL-CODE-EVENT-HANDLER-NO-IDEMPOTENCY"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.evidence())
                    .contains(
                        new Location("lambda/mark-paid.ts", 6),
                        new Location("lib/worker-stack.ts", 30)));
  }

  @Test
  void onlyTheWorkerLacksReservedConcurrencyAsTheProductionBranchGivesTheApiTwenty() {
    assertThat(findings("REL-LAMBDA-NO-RESERVED-CONCURRENCY"))
        .singleElement()
        .satisfies(
            f -> assertThat(f.evidence()).containsExactly(new Location("lib/worker-stack.ts", 23)));
  }

  @Test
  void theRestApiPutsCreateOrderOnTheRequestPathSoTheWorkloadIsNotJudgedADataPipeline() {
    Function createOrder =
        result.workload().all(Function.class).stream()
            .filter(f -> f.id.equals("ApiStack/CreateOrder"))
            .findFirst()
            .orElseThrow();
    assertThat(createOrder.servesApi()).isTrue();
    assertThat(result.assessment().notes()).noneMatch(n -> n.contains("data pipeline"));
    assertThat(result.assessment().findings()).noneMatch(n -> n.finding().risk() == Risk.CRITICAL);
  }

  @Test
  void theOrdersApiStageWithoutThrottlingIsCitedAtTheRestApiAndToldTheCdkProperty() {
    assertThat(findings("REL-API-NO-THROTTLING"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.evidence()).containsExactly(new Location("lib/api-stack.ts", 26));
              assertThat(Advice.of(f).text()).contains("deployOptions");
            });
  }

  @Test
  void theBackupRetentionConditionIsDecidedAsProductionWouldAndNoted() {
    Database db = result.workload().all(Database.class).get(0);
    assertThat(db.backupRetentionDays.get()).isEqualTo(7);
    assertThat(result.assessment().notes())
        .anyMatch(n -> n.contains("lib/data-stack.ts:17") && n.contains("production"));
  }

  @Test
  void theOrdersTableHasPointInTimeRecoveryAndNoBackupFinding() {
    Table orders = result.workload().all(Table.class).get(0);
    assertThat(orders.pointInTimeRecovery.isTrue()).isTrue();
    assertThat(findings("REL-BACKUP-MISSING")).isEmpty();
  }

  @Test
  void theStageFromAContextLookupNamesNoEnvironment() {
    assertThat(result.workload().environments).isEmpty();
  }

  @Test
  void bothFunctionsDependOnTheOrdersTablePassedFromTheDataStack() {
    Table orders = result.workload().all(Table.class).get(0);
    assertThat(result.workload().all(Function.class))
        .extracting(f -> f.id)
        .containsExactlyInAnyOrder("ApiStack/CreateOrder", "WorkerStack/MarkPaid");
    assertThat(result.workload().all(Function.class))
        .allSatisfy(f -> assertThat(f.references).contains(orders.ref()));
  }
}
