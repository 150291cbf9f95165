package dev.relplan.iac.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The path a literal template URL ends with. */
class TemplateUrlTest {
  @Test
  void anS3UrlsPathStartsAfterTheBucket() {
    assertThat(TemplateUrl.ofUrl("s3://artifacts/stacks/network.yaml"))
        .containsExactly("stacks", "network.yaml");
  }

  @Test
  void aQueryStringIsNotPartOfThePath() {
    assertThat(TemplateUrl.ofUrl("https://b.s3.amazonaws.com/stacks/network.yaml?versionId=3"))
        .containsExactly("stacks", "network.yaml");
  }

  @Test
  void aUrlWithoutPathNamesNoFile() {
    assertThat(TemplateUrl.ofUrl("https://example.com")).isEmpty();
  }
}
