package dev.relplan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.assess.Assessment;
import dev.relplan.pipeline.Pipeline;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Alarms that only roll deployments back, without actions, tell nobody of a failure. */
class DeploymentOnlyAlarmsTest {
  private static Assessment assess() throws IOException {
    return Pipeline.run(
            new Pipeline.Request(
                List.of(Path.of("src/test/resources/rules-extra/deployment-only-alarms")),
                null,
                new Context(null, null, null, List.of()),
                List.of()))
        .assessment();
  }

  @Test
  void alarmsThatOnlyGateDeploymentsAreReportedAsNotifyingNobody() throws IOException {
    assertThat(assess().findings())
        .filteredOn(f -> f.finding().rule().id().equals("REL-MONITORING-ALARMS"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.finding().title()).isEqualTo("No CloudWatch alarm notifies anyone");
              assertThat(f.finding().description())
                  .contains("only roll deployments back and have no actions (CheckoutErrorsAlarm)");
            });
  }

  @Test
  void aDeploymentGatingAlarmHasNoFindingOfItsOwn() throws IOException {
    assertThat(assess().findings())
        .map(f -> f.finding().title())
        .doesNotContain("Alarm CheckoutErrorsAlarm has no alarm action");
  }
}
