package dev.relplan.iac.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.assess.Assessment;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import dev.relplan.rules.Finding;
import dev.relplan.source.Location;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * examples/cdk-python-payments: a CDK app written in Python read from source, without cdk.out: a
 * reporting database left to the construct's Single-AZ default, a ledger whose point-in-time
 * recovery follows the stage, and a settlement queue without a dead-letter queue drained by a
 * handler that is not idempotent and calls out without a timeout.
 */
class CdkPythonPaymentsExampleTest {
  private static Pipeline.Result result;

  @BeforeAll
  static void run() throws Exception {
    result =
        Pipeline.run(
            new Pipeline.Request(
                List.of(Path.of("examples/cdk-python-payments")),
                null,
                Context.defaults(),
                List.of()));
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
              assertThat(f.evidence()).contains(new Location("payments/data_stack.py", 29));
              assertThat(f.description())
                  .contains("default: the AWS CDK construct aws_rds.DatabaseInstance");
            });
  }

  @Test
  void theLedgersRecoveryFollowsTheStageDecidedAsProductionAndNoted() {
    assertThat(findings("REL-BACKUP-MISSING")).isEmpty();
    assertThat(result.assessment().notes())
        .anyMatch(n -> n.contains("stage == \"prod\" (payments/data_stack.py:13)"));
  }

  @Test
  void theSettlementQueueWithoutADeadLetterQueueIsCitedAtItsConstruct() {
    assertThat(findings("REL-ASYNC-NO-DLQ"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.evidence())
                    .containsExactly(new Location("payments/worker_stack.py", 18)));
  }

  @Test
  void theHandlerFoundThroughTheModulesFolderIsAssessedLikeSams() {
    assertThat(findings("REL-CODE-EVENT-HANDLER-NO-IDEMPOTENCY"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.evidence())
                    .contains(
                        new Location("functions/settle/settle.py", 10),
                        new Location("payments/worker_stack.py", 34)));
    assertThat(findings("REL-CODE-CALL-NO-TIMEOUT"))
        .singleElement()
        .satisfies(f -> assertThat(f.impactReason()).contains("WorkerStack/Settle"));
  }
}
