package dev.relplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** relplan explain prints a rule's reference, found by its id or its flag. */
class ExplainCommandTest {
  @Test
  void aRuleIdPrintsWhatItChecksWhyAndHowToFixIt() {
    CliTest.Result r = CliTest.run("explain", "REL-DB-SINGLE-AZ");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .startsWith("## REL-DB-SINGLE-AZ")
        .contains("flag `FT-SINGLE-AZ-DATABASE`", "- Impact: Severe", "- Remediation: ")
        .contains("src/test/resources/rules/REL-DB-SINGLE-AZ/terraform/");
  }

  @Test
  void aFlagExplainsEveryRuleRaisingIt() {
    CliTest.Result r = CliTest.run("explain", "rp-no-timeout");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("## REL-CODE-CALL-NO-TIMEOUT\n", "## REL-CODE-CALL-EXCEEDS-DEADLINE\n");
  }

  @Test
  void anUnknownNameIsAnInputErrorNamingTheListCommand() {
    CliTest.Result r = CliTest.run("explain", "REL-NOPE");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo(
            "relplan: no rule or flag is named 'REL-NOPE': `relplan rules` lists every rule and flag");
  }

  @Test
  void explainWithoutANameIsAUsageError() {
    assertThat(CliTest.run("explain").code()).isEqualTo(2);
  }
}
