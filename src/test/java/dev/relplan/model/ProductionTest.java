package dev.relplan.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.source.Location;
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
  void aTagNamedForTheEnvironmentGivesItAtTheResourceLine() {
    Resource r =
        new GenericResource("s", "Queue", "AWS::SQS::Queue", new Location("template.yaml", 4));
    r.tags.put("Team", "orders");
    r.tags.put("Stage", "staging");
    assertThat(Production.environmentTag(r).get()).isEqualTo("staging");
    assertThat(Production.environmentTag(r).trace())
        .containsExactly(new Location("template.yaml", 4));
  }

  @Test
  void aNameOfNeitherKindIsNotClassified() {
    assertThat(Production.classify("eu-west")).isNull();
    assertThat(Production.mentionsProduction("params/preprod.json")).isFalse();
  }

  @Test
  void aLoadGeneratorIsNotTheProductionService() {
    Production.Verdict v =
        Production.of(
            new GenericResource(
                "s", "Deployment/load-generator", "Deployment", new Location("k8s.yaml", 3)));
    assertThat(v.production()).isFalse();
    assertThat(v.reason()).contains("load-generator");
    assertThat(
            Production.of(
                    new GenericResource(
                        "s", "Deployment/loadgenerator", "Deployment", new Location("k8s.yaml", 3)))
                .production())
        .isFalse();
  }

  @Test
  void aWordThatOnlyStartsLikeLoadIsNoLoadGenerator() {
    assertThat(
            Production.of(
                    new GenericResource(
                        "s",
                        "Deployment/load-balancer-controller",
                        "Deployment",
                        new Location("k8s.yaml", 3)))
                .production())
        .isTrue();
  }
}
