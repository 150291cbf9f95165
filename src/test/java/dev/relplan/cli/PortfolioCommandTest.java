package dev.relplan.cli;

import static dev.relplan.cli.CliTest.assertUsageError;
import static dev.relplan.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relplan.cli.CliTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code relplan portfolio} on the committed public-repository reports, end to end. */
class PortfolioCommandTest {
  private static final String REPORTS = "src/test/resources/portfolio";

  @TempDir Path tmp;

  @Test
  void aDirectoryOfReportsGivesTheMarkdownPortfolioOnStdout() {
    Result r = run("portfolio", REPORTS);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith("# Reliability Portfolio\n")
        .contains("2 workload(s) from 3 report(s)")
        .contains("1 of 2 workload(s) miss their availability target's requirements")
        .contains("### spring-petclinic-microservices");
  }

  @Test
  void filesGivenOneByOneAreReadLikeTheirDirectory() {
    Result files =
        run(
            "portfolio",
            REPORTS + "/microservices-demo-2026-08-11.json",
            REPORTS + "/spring-petclinic-microservices-2026-04-19.json",
            REPORTS + "/spring-petclinic-microservices-2023-12-28.json");
    assertThat(files.out()).isEqualTo(run("portfolio", REPORTS).out());
  }

  @Test
  void jsonFormatWrittenToAFileCarriesTheAggregates() throws IOException {
    Path out = tmp.resolve("portfolio.json");
    Result r = run("portfolio", REPORTS, "--format", "json", "-o", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
    JsonNode json = CliTest.MAPPER.readTree(out.toFile());
    assertThat(json.get("kind").asText()).isEqualTo("relplan-portfolio");
    assertThat(json.get("workloads")).hasSize(2);
    assertThat(json.get("availabilityTargets").get("missing").asInt()).isEqualTo(1);
    assertThat(json.get("trends").get(0).get("new")).hasSize(5);
  }

  @Test
  void htmlFormatIsOneSelfContainedPage() {
    Result r = run("portfolio", REPORTS, "--format", "html");
    assertThat(r.out())
        .startsWith("<!DOCTYPE html>")
        .contains("Content-Security-Policy\" content=\"default-src 'none';")
        .contains("<svg class=\"chart\"")
        // Nothing is fetched: no source or link leaves the page.
        .doesNotContain("src=\"http", "href=\"http");
  }

  @Test
  void aFileThatIsNoReportIsAOneLineErrorNamingIt() throws IOException {
    Path other = tmp.resolve("package.json");
    Files.writeString(other, "{\"name\":\"shop\"}");
    assertUsageError(
        run("portfolio", REPORTS, other.toString()),
        "'" + other + "' is not a relplan JSON report");
  }

  @Test
  void aMissingPathIsAOneLineError() {
    assertUsageError(run("portfolio", tmp.resolve("nowhere").toString()), "no report at");
  }

  @Test
  void anUnknownFormatNamesTheFormatsOnOffer() {
    assertUsageError(run("portfolio", REPORTS, "--format", "sarif"), "md, json or html");
  }
}
