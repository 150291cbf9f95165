package dev.relplan.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportInputTest {
  private static String given(String date) {
    return new ReportInput(null, date, "0", l -> "", List.of()).givenDate();
  }

  @Test
  void anIsoDateIsTheGivenDate() {
    assertThat(given("2026-12-07")).isEqualTo("2026-12-07");
  }

  @Test
  void theWordingOfADateNotRecordedGivesNone() {
    assertThat(given("not recorded (pass --date today)")).isNull();
    assertThat(given("")).isNull();
    assertThat(given(null)).isNull();
  }

  @Test
  void aTextStartingLikeAYearButNotADateGivesNone() {
    assertThat(given("2026-13-01")).isNull();
    assertThat(given("-")).isNull();
  }
}
