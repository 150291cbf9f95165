package dev.relplan.iac.serverless;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.assess.Assessment;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import dev.relplan.rules.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** examples/serverless-orders: what its plan must say, with the lines it must cite. */
class ServerlessOrdersExampleTest {
  private static Assessment plan;

  @BeforeAll
  static void assess() throws IOException {
    plan =
        Pipeline.run(
                new Pipeline.Request(
                    List.of(Path.of("examples/serverless-orders")),
                    "serverless-orders",
                    Context.defaults(),
                    List.of()))
            .assessment();
  }

  private static List<Finding> findings(String rule) {
    return plan.findings().stream()
        .map(Assessment.NumberedFinding::finding)
        .filter(f -> f.rule().id().equals(rule))
        .toList();
  }

  @Test
  void theKinesisConsumerWithoutFailureDestinationIsFoundAtItsEvent() {
    assertThat(findings("REL-ASYNC-NO-DLQ"))
        .singleElement()
        .satisfies(f -> assertThat(f.evidence().get(0).toString()).isEqualTo("serverless.yml:52"));
  }

  @Test
  void theCanaryPluginDeploysTheApiFunctionGradually() {
    assertThat(findings("REL-DEPLOY-ALL-AT-ONCE"))
        .extracting(Finding::resource)
        .contains("ChargeOrderLambdaFunction")
        .doesNotContain("PlaceOrderLambdaFunction");
  }

  @Test
  void theProductionParamsDecideTheConsumersTimeoutAgainstItsQueue() {
    assertThat(findings("REL-SQS-VISIBILITY-TIMEOUT"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.evidence().stream().map(Object::toString))
                    .contains("serverless.yml:26", "serverless.yml:41"));
  }
}
