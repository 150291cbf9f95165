package dev.relplan.cli;

import static dev.relplan.cli.CliTest.assertUsageError;
import static dev.relplan.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * relplan.yaml's incidents file (relative to the configuration file, --incidents wins) and the
 * business tier (reported, changing no rating), end to end through the command line.
 */
class ConfigFileTest {
  private static final String ORDERS = "examples/orders-platform";
  private static final String REPORTING_OUTAGE =
      "- date: 2026-10-02\n  title: Reporting outage\n  affected: [ReportingGroup]\n";
  private static final String CACHE_FAILOVER =
      "- date: 2026-11-20\n  title: Cache failover\n  affected: [OrdersCache]\n";

  @TempDir Path dir;

  /** relplan.yaml with this text in a folder of its own, with the given files beside it. */
  private Path config(String yaml, String... nameThenText) throws IOException {
    Path folder = Files.createDirectories(dir.resolve("settings"));
    for (int i = 0; i < nameThenText.length; i += 2)
      Files.writeString(folder.resolve(nameThenText[i]), nameThenText[i + 1]);
    return Files.writeString(folder.resolve("relplan.yaml"), yaml);
  }

  private static CliTest.Result assess(Path config, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of("assess", ORDERS, "--format", "json", "--config", config.toString()));
    args.addAll(List.of(extra));
    return run(args.toArray(String[]::new));
  }

  private static JsonNode json(CliTest.Result r) throws IOException {
    assertThat(r.code()).as(r.err()).isZero();
    return r.json();
  }

  private static JsonNode finding(JsonNode report, String resource, String rule) {
    for (JsonNode f : report.path("findings"))
      if (f.path("resource").asText().equals(resource) && f.path("rule").asText().equals(rule))
        return f;
    throw new AssertionError("no " + rule + " on " + resource);
  }

  private static String reportingLikelihood(JsonNode report) {
    return finding(report, "ReportingGroup", "REL-ASG-MIN-EQUALS-MAX").path("likelihood").asText();
  }

  private static String cacheLikelihood(JsonNode report) {
    return finding(report, "OrdersCache", "REL-STATEFUL-NO-REPLICATION")
        .path("likelihood")
        .asText();
  }

  // ------------------------------------------------------------------ incidents

  @Test
  void incidentsFileNamedInConfigRaisesTheAffectedComponentsFinding() throws IOException {
    JsonNode report =
        json(assess(config("incidents: incidents.yaml\n", "incidents.yaml", REPORTING_OUTAGE)));
    JsonNode f = finding(report, "ReportingGroup", "REL-ASG-MIN-EQUALS-MAX");
    assertThat(f.path("likelihood").asText()).isEqualTo("High");
    assertThat(f.path("likelihoodReason").asText()).contains("Reporting outage");
    assertThat(report.path("workload").path("notes").toString())
        .contains("Past incident 2026-10-02: Reporting outage");
  }

  @Test
  void withoutAnIncidentsFileTheFindingKeepsItsLikelihood() throws IOException {
    assertThat(reportingLikelihood(json(assess(config("workload: orders\n")))))
        .isNotEqualTo("High");
  }

  @Test
  void incidentsFileIsFoundBesideTheConfigNotInTheWorkingFolder() throws IOException {
    Files.createDirectories(dir.resolve("settings/history"));
    Files.writeString(dir.resolve("settings/history/incidents.yaml"), REPORTING_OUTAGE);
    JsonNode report = json(assess(config("incidents: history/incidents.yaml\n")));
    assertThat(reportingLikelihood(report)).isEqualTo("High");
  }

  @Test
  void relplanYamlInTheScannedFolderNamesTheIncidentsFile() throws IOException {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Files.copy(Path.of(ORDERS, "compute.yaml"), repo.resolve("compute.yaml"));
    Files.writeString(repo.resolve("incidents.yaml"), REPORTING_OUTAGE);
    Files.writeString(repo.resolve("relplan.yaml"), "incidents: incidents.yaml\n");
    JsonNode report = json(run("assess", repo.toString(), "--format", "json"));
    assertThat(reportingLikelihood(report)).isEqualTo("High");
  }

  @Test
  void incidentsOptionWinsOverTheConfigsFile() throws IOException {
    Path config =
        config(
            "incidents: incidents.yaml\n",
            "incidents.yaml",
            REPORTING_OUTAGE,
            "other.yaml",
            CACHE_FAILOVER);
    JsonNode report =
        json(assess(config, "--incidents", config.resolveSibling("other.yaml").toString()));
    assertThat(cacheLikelihood(report)).isEqualTo("High");
    assertThat(reportingLikelihood(report)).isNotEqualTo("High");
  }

  @Test
  void anEmptyIncidentsOptionStillWinsOverTheConfigsFile() throws IOException {
    Path config =
        config(
            "incidents: incidents.yaml\n", "incidents.yaml", REPORTING_OUTAGE, "none.yaml", "[]");
    JsonNode report =
        json(assess(config, "--incidents", config.resolveSibling("none.yaml").toString()));
    assertThat(reportingLikelihood(report)).isNotEqualTo("High");
  }

  @Test
  void incidentsOptionWinsSoAMissingFileInTheConfigIsNotRead() throws IOException {
    Path config = config("incidents: gone.yaml\n", "other.yaml", CACHE_FAILOVER);
    JsonNode report =
        json(assess(config, "--incidents", config.resolveSibling("other.yaml").toString()));
    assertThat(cacheLikelihood(report)).isEqualTo("High");
  }

  @Test
  void missingIncidentsFileNamedInConfigIsAnInputErrorNamingTheConfig() throws IOException {
    Path config = config("incidents: gone.yaml\n");
    assertUsageError(assess(config), "gone.yaml", "does not exist", "relplan.yaml", "--incidents");
  }

  @Test
  void incidentsFileThatIsNotAListIsAnInputErrorNamingTheConfig() throws IOException {
    Path config = config("incidents: incidents.yaml\n", "incidents.yaml", "title: not a list\n");
    assertUsageError(assess(config), "incidents.yaml", "must be a list", "relplan.yaml");
  }

  @Test
  void incidentsFileThatDoesNotParseIsAnInputErrorNamingTheConfig() throws IOException {
    Path config = config("incidents: incidents.yaml\n", "incidents.yaml", "- [unclosed\n");
    assertUsageError(assess(config), "cannot be parsed", "relplan.yaml");
  }

  @Test
  void incidentsSettingThatIsNotAFileNameIsAnInputErrorWithItsLine() throws IOException {
    Path config = config("workload: orders\nincidents:\n  - a.yaml\n");
    assertUsageError(assess(config), "relplan.yaml:2", "incidents must name a YAML or JSON file");
  }

  // ------------------------------------------------------------------ tier

  @Test
  void tierIsReportedInTheJsonWorkload() throws IOException {
    JsonNode report = json(assess(config("tier: critical\ntarget: 99.95\n")));
    assertThat(report.path("workload").path("tier").asText()).isEqualTo("critical");
  }

  @Test
  void tierIsWrittenInAnyCaseAsLowerCase() throws IOException {
    JsonNode report = json(assess(config("tier: High\n")));
    assertThat(report.path("workload").path("tier").asText()).isEqualTo("high");
  }

  @Test
  void withoutATierTheJsonTierIsNull() throws IOException {
    JsonNode report = json(assess(config("workload: orders\n")));
    assertThat(report.path("workload").has("tier")).isTrue();
    assertThat(report.path("workload").path("tier").isNull()).isTrue();
  }

  @Test
  void tierIsShownInTheMarkdownSummary() throws IOException {
    CliTest.Result r =
        run("assess", ORDERS, "--config", config("tier: medium\n").toString(), "--format", "md");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("- **Business Tier**: medium\n");
  }

  @Test
  void withoutATierTheMarkdownHasNoTierLine() throws IOException {
    CliTest.Result r = run("assess", ORDERS, "--format", "md");
    assertThat(r.out()).doesNotContain("Business Tier");
  }

  @Test
  void unknownTierIsAnInputErrorWithItsLineAndTheKnownTiers() throws IOException {
    Path config = config("workload: orders\ntier: urgent\n");
    assertUsageError(
        assess(config),
        "relplan.yaml:2",
        "tier 'urgent' is not one of critical, high, medium, low");
  }

  @Test
  void tierChangesNoRating() throws IOException {
    JsonNode without = json(assess(config("target: 99.9\n")));
    JsonNode with = json(assess(config("target: 99.9\ntier: critical\n")));
    assertThat(with.path("findings")).isEqualTo(without.path("findings"));
    assertThat(with.path("summary")).isEqualTo(without.path("summary"));
  }

  @Test
  void criticalTierWithoutTargetSaysTheMultiRegionQuestionIsOpen() throws IOException {
    JsonNode report = json(assess(config("tier: critical\n")));
    assertThat(report.path("workload").path("notes").toString())
        .contains("Business tier critical without an availability target");
  }

  @Test
  void criticalTierWithATargetAddsNoNote() throws IOException {
    JsonNode report = json(assess(config("tier: critical\ntarget: 99.99\n")));
    assertThat(report.path("workload").path("notes").toString()).doesNotContain("Business tier");
  }

  @Test
  void lowTierWithoutTargetAddsNoNote() throws IOException {
    JsonNode report = json(assess(config("tier: low\n")));
    assertThat(report.path("workload").path("notes").toString()).doesNotContain("Business tier");
  }

  @Test
  void reportWithTierAndIncidentsFromConfigValidatesAgainstTheSchema() throws IOException {
    JsonNode report =
        json(
            assess(
                config(
                    "tier: high\nincidents: incidents.yaml\n",
                    "incidents.yaml",
                    REPORTING_OUTAGE)));
    JsonSchema schema;
    try (InputStream in = getClass().getResourceAsStream("/relplan-report.schema.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }
    assertThat(schema.validate(report)).isEmpty();
  }
}
