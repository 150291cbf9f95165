package dev.relplan.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one list of environment words every format reads names against. */
class ProductionTest {
  @Test
  void environmentKeysMatchAcrossFormatSpellings() {
    assertThat(Production.carriesEnvironment("EnvironmentName")).isTrue();
    assertThat(Production.carriesEnvironment("environment_name")).isTrue();
    assertThat(Production.carriesEnvironment("Deployment-Stage")).isTrue();
    assertThat(Production.carriesEnvironment("StageDescription")).isFalse();
  }

  @Test
  void aFileNamedForProductionBesideAnotherEnvironmentStillMentionsProduction() {
    assertThat(Production.mentionsProduction("ci/params/prod.json")).isTrue();
    assertThat(Production.classify("ci-prod")).isFalse();
  }

  @Test
  void aNameOfNeitherKindIsNotClassified() {
    assertThat(Production.classify("eu-west")).isNull();
    assertThat(Production.mentionsProduction("params/preprod.json")).isFalse();
  }
}
