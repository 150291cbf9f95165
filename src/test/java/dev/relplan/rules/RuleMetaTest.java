package dev.relplan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RuleMetaTest {
  private static RuleMeta.Builder complete() {
    return RuleMeta.builder("REL-TEST-RULE")
        .domain(Domain.RECOVERY)
        .title("A test rule")
        .bestPractices("REL09-BP01", "REL09-BP03", "REL13-BP02")
        .impact(Impact.SEVERE, "impact reason")
        .likelihood(Likelihood.LOW, "likelihood reason")
        .tier(Tier.QUICK_WIN)
        .effort("Minutes")
        .remediation("Fix it.")
        .formats(InputFormat.TERRAFORM, InputFormat.CLOUDFORMATION);
  }

  @Test
  void aRuleWithoutAFlagHasNone() {
    RuleMeta meta = complete().build();
    assertThat(meta.hasFlag()).isFalse();
    assertThat(meta.flag()).isNull();
  }

  @Test
  void aSetFlagIsKept() {
    RuleMeta meta = complete().flag("RC-NO-BACKUP").build();
    assertThat(meta.hasFlag()).isTrue();
    assertThat(meta.flag()).isEqualTo("RC-NO-BACKUP");
  }

  @Test
  void questionsDeriveFromTheBestPracticesOnceEachInOrder() {
    assertThat(complete().build().waQuestions()).containsExactly("REL09", "REL13");
  }

  @Test
  void listsNotSetAreEmpty() {
    RuleMeta meta = complete().build();
    assertThat(meta.awsServices()).isEmpty();
    assertThat(meta.dependsOn()).isEmpty();
  }

  @Test
  void formatsAreKeptInDeclarationOrderOfTheEnum() {
    assertThat(complete().build().formats())
        .containsExactly(InputFormat.CLOUDFORMATION, InputFormat.TERRAFORM);
  }

  @Test
  void buildNamesEveryMissingElement() {
    assertThatThrownBy(() -> RuleMeta.builder("REL-X").title("t").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "REL-X lacks domain, bestPractices, impact, likelihood, tier, effort, remediation, formats");
  }

  @Test
  void aMalformedBestPracticeIsRejected() {
    assertThatThrownBy(() -> complete().bestPractices("REL9-BP1").build())
        .hasMessageContaining("not a best-practice id: REL9-BP1");
  }

  @Test
  void aBestPracticeIdIsRelTwoDigitsBpTwoDigitsAndNothingElse() {
    assertThat(RuleMeta.isBestPracticeId("REL09-BP03")).isTrue();
    for (String malformed :
        new String[] {
          "REL9-BP03",
          "REL09-BP3",
          "REL09-BP033",
          "rel09-BP03",
          "REL09_BP03",
          "RELa9-BP03",
          "REL09-BP0x",
          ""
        }) assertThat(RuleMeta.isBestPracticeId(malformed)).as(malformed).isFalse();
  }

  @Test
  void classNameCapitalisesEachWordOfTheIdAfterRel() {
    assertThat(RuleMeta.className("REL-DB-SINGLE-AZ")).isEqualTo("DbSingleAz");
    assertThat(RuleMeta.className("REL-LAMBDA-TIMEOUT-GE-APIGW")).isEqualTo("LambdaTimeoutGeApigw");
  }

  @Test
  void aFormatsFolderIsItsLowerCaseName() {
    assertThat(InputFormat.CLOUDFORMATION.folder()).isEqualTo("cloudformation");
  }
}
