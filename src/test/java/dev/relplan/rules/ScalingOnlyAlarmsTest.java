package dev.relplan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.assess.Assessment;
import dev.relplan.pipeline.Pipeline;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Alarms whose only action is a scaling policy tell nobody of a failure. */
class ScalingOnlyAlarmsTest {
  private static Assessment assess() throws IOException {
    return Pipeline.run(
            new Pipeline.Request(
                List.of(Path.of("src/test/resources/rules-extra/scaling-only-alarms")),
                null,
                new Context(null, null, null, List.of()),
                List.of()))
        .assessment();
  }

  @Test
  void alarmsThatOnlyScaleAreReportedAsNotifyingNobody() throws IOException {
    assertThat(assess().findings())
        .map(f -> f.finding().title())
        .contains("No CloudWatch alarm notifies anyone");
  }

  @Test
  void alarmsThatOnlyScaleAreNotCountedAsAStrength() throws IOException {
    assertThat(assess().strengths()).map(Strength::title).noneMatch(t -> t.contains("notify"));
  }
}
