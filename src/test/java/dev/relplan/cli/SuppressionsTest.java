package dev.relplan.cli;

import static dev.relplan.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Suppressions end to end (docs/suppressions.md): per format and level, expiry against the report's
 * date, the central-policy option, relplan.yaml's list and its errors, and every report format.
 */
class SuppressionsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String FIXTURES = "src/test/resources/suppressions/";
  private static final String DATE = "2026-12-07";

  private static JsonNode assess(String fixture, String... extra) throws IOException {
    List<String> args = new ArrayList<>(List.of("assess", FIXTURES + fixture, "--format", "json"));
    args.addAll(List.of(extra));
    if (!args.contains("--date")) args.addAll(List.of("--date", DATE));
    CliTest.Result r = run(args.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();
    return r.json();
  }

  /** "RULE resource" of each active finding of the rule. */
  private static List<String> active(JsonNode report, String rule) {
    List<String> out = new ArrayList<>();
    for (JsonNode f : report.path("findings"))
      if (f.path("rule").asText().equals(rule)) out.add(f.path("resource").asText());
    return out;
  }

  private static JsonNode suppressed(JsonNode report, String resource) {
    for (JsonNode f : report.path("suppressed"))
      if (f.path("resource").asText().equals(resource)) return f;
    return null;
  }

  @Test
  void cloudFormationCommentAboveAResourceSuppressesItsFinding() throws IOException {
    JsonNode report = assess("cloudformation");
    JsonNode orders = suppressed(report, "OrdersDb");
    assertThat(orders).isNotNull();
    assertThat(orders.path("id").asText()).isEqualTo("S-001");
    assertThat(orders.path("rule").asText()).isEqualTo("REL-DB-SINGLE-AZ");
    assertThat(orders.path("evidence").get(0).path("line").asInt()).isEqualTo(5);
    JsonNode by = orders.path("suppression");
    assertThat(by.path("source").asText()).isEqualTo("inline");
    assertThat(by.path("file").asText()).isEqualTo("template.yaml");
    assertThat(by.path("line").asInt()).isEqualTo(4);
    assertThat(by.path("reason").asText()).isEqualTo("orders database is a copy for reporting");
    assertThat(by.path("until").asText()).isEqualTo("2030-01-01");
    assertThat(active(report, "REL-DB-SINGLE-AZ")).doesNotContain("OrdersDb").contains("AuditDb");
  }

  @Test
  void anExpiredSuppressionStopsApplyingAndIsListed() throws IOException {
    JsonNode report = assess("cloudformation");
    assertThat(active(report, "REL-DB-SINGLE-AZ")).contains("ReportsDb");
    JsonNode expired = report.path("expiredSuppressions");
    assertThat(expired).hasSize(1);
    assertThat(expired.get(0).path("id").asText()).isEqualTo("FT-SINGLE-AZ-DATABASE");
    assertThat(expired.get(0).path("line").asInt()).isEqualTo(16);
    assertThat(expired.get(0).path("until").asText()).isEqualTo("2026-06-30");
  }

  @Test
  void withoutAReportDateNoSuppressionExpiresAndTheReportSaysSo() throws IOException {
    CliTest.Result r = run("assess", FIXTURES + "cloudformation", "--format", "json");
    JsonNode report = r.json();
    assertThat(suppressed(report, "ReportsDb")).isNotNull();
    assertThat(report.path("expiredSuppressions")).isEmpty();
    assertThat(report.path("workload").path("notes").toString())
        .contains("2 suppressions have an until date, not checked");
  }

  @Test
  void aFlagSuppressesTheRuleThatRaisesIt() throws IOException {
    JsonNode report = assess("cloudformation", "--date", "2026-01-01");
    JsonNode reports = suppressed(report, "ReportsDb");
    assertThat(reports).isNotNull();
    assertThat(reports.path("suppression").path("id").asText()).isEqualTo("FT-SINGLE-AZ-DATABASE");
  }

  @Test
  void aTextInAStringIsNoSuppression() throws IOException {
    // The template's Description holds the marker in a string: AuditDb stays active.
    assertThat(active(assess("cloudformation"), "REL-DB-SINGLE-AZ")).contains("AuditDb");
  }

  @Test
  void terraformModuleCallSuppressionCoversWhatTheModuleCreates() throws IOException {
    JsonNode report = assess("terraform");
    JsonNode created = suppressed(report, "module.sandbox.aws_db_instance.this");
    assertThat(created).isNotNull();
    assertThat(created.path("suppression").path("file").asText()).isEqualTo("main.tf");
    assertThat(created.path("suppression").path("line").asInt()).isEqualTo(7);
    assertThat(active(report, "REL-DB-SINGLE-AZ")).containsExactly("aws_db_instance.main");
  }

  @Test
  void kubernetesAnnotationAndCommentSuppressTheirObjectsOnly() throws IOException {
    JsonNode report = assess("kubernetes");
    assertThat(suppressed(report, "StatefulSet/orders-db").path("suppression").path("line").asInt())
        .isEqualTo(6);
    assertThat(suppressed(report, "StatefulSet/cache").path("suppression").path("line").asInt())
        .isEqualTo(22);
    assertThat(active(report, "REL-STATEFUL-NO-REPLICATION")).containsExactly("StatefulSet/search");
  }

  @Test
  void composeCommentAboveAServiceSuppressesIt() throws IOException {
    JsonNode report = assess("compose");
    assertThat(suppressed(report, "db")).isNotNull();
    assertThat(active(report, "REL-STATEFUL-NO-REPLICATION")).containsExactly("cache");
  }

  @Test
  void serverlessCommentAboveAFunctionCoversItsEvents() throws IOException {
    JsonNode report = assess("serverless");
    assertThat(suppressed(report, "ProjectOrdersEventSourceMappingKinesisOrders")).isNotNull();
    assertThat(active(report, "REL-ASYNC-NO-DLQ"))
        .containsExactly("AuditChangesEventSourceMappingKinesisAudit");
  }

  @Test
  void codeCommentAboveACallSuppressesThatCallOnly() throws IOException {
    JsonNode report = assess("code");
    JsonNode call = suppressed(report, "recommend:6");
    assertThat(call.path("rule").asText()).isEqualTo("REL-CODE-CALL-NO-TIMEOUT");
    assertThat(call.path("suppression").path("line").asInt()).isEqualTo(5);
    assertThat(active(report, "REL-CODE-CALL-NO-TIMEOUT")).containsExactly("recommend:7");
  }

  @Test
  void configSuppressionsApplyByResourceAndFile() throws IOException {
    JsonNode report = assess("config");
    JsonNode audit = suppressed(report, "AuditDb").path("suppression");
    assertThat(audit.path("source").asText()).isEqualTo("config");
    assertThat(audit.path("file").asText()).isEqualTo("relplan.yaml");
    assertThat(audit.path("line").asInt()).isEqualTo(3);
    assertThat(suppressed(report, "OrdersDb").path("suppression").path("line").asInt())
        .isEqualTo(6);
    assertThat(active(report, "REL-DB-SINGLE-AZ")).isEmpty();
  }

  @Test
  void ignoringInlineSuppressionsKeepsTheConfigOnesAndListsTheIgnored() throws IOException {
    JsonNode report = assess("config", "--ignore-inline-suppressions");
    assertThat(active(report, "REL-DB-SINGLE-AZ")).containsExactly("ReportsDb");
    assertThat(suppressed(report, "AuditDb")).isNotNull();
    JsonNode ignored = report.path("ignoredSuppressions");
    assertThat(ignored).hasSize(1);
    assertThat(ignored.get(0).path("source").asText()).isEqualTo("inline");
    assertThat(ignored.get(0).path("line").asInt()).isEqualTo(15);
  }

  @Test
  void aSuppressedFindingKeepsTheFingerprintItHasWhenActive() throws IOException {
    String suppressedPrint =
        suppressed(assess("cloudformation"), "OrdersDb").path("fingerprint").asText();
    String activePrint = null;
    for (JsonNode f : assess("cloudformation", "--ignore-inline-suppressions").path("findings"))
      if (f.path("resource").asText().equals("OrdersDb")
          && f.path("rule").asText().equals("REL-DB-SINGLE-AZ"))
        activePrint = f.path("fingerprint").asText();
    assertThat(suppressedPrint).isEqualTo(activePrint);
  }

  @Test
  void suppressedFindingsCountNowhere() throws IOException {
    JsonNode report = assess("config");
    assertThat(report.path("summary").path("findings").asInt())
        .isEqualTo(report.path("findings").size());
    assertThat(report.path("plan").toString()).doesNotContain("S-00");
    CliTest.Result gate =
        run("assess", FIXTURES + "compose", "--format", "json", "--fail-on", "critical");
    JsonNode composed = gate.json();
    assertThat(suppressed(composed, "db")).isNotNull();
    assertThat(composed.path("summary").path("findings").asInt())
        .isEqualTo(composed.path("findings").size());
  }

  @Test
  void aConfigSuppressionWithoutAReasonStopsTheRunNamingItsLine(@TempDir Path dir)
      throws IOException {
    Files.writeString(dir.resolve("main.tf"), "resource \"aws_sqs_queue\" \"q\" {}\n");
    Files.writeString(
        dir.resolve("relplan.yaml"), "suppressions:\n  - id: REL-DB-SINGLE-AZ\n    resource: db\n");
    CliTest.Result r = run("assess", dir.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err())
        .contains("relplan.yaml:2")
        .contains("has no reason")
        .contains("add reason:");
  }

  @Test
  void aConfigSuppressionNamingNoRuleOrFlagStopsTheRun(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("main.tf"), "resource \"aws_sqs_queue\" \"q\" {}\n");
    Files.writeString(
        dir.resolve("relplan.yaml"), "suppressions:\n  - id: REL-NO-SUCH-RULE\n    reason: x\n");
    CliTest.Result r = run("assess", dir.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("relplan.yaml:2").contains("REL-NO-SUCH-RULE");
  }

  @Test
  void jsonReportWithSuppressionsValidatesAgainstTheShippedSchema() throws IOException {
    JsonSchema schema;
    try (InputStream in = getClass().getResourceAsStream("/relplan-report.schema.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }
    for (String fixture : List.of("cloudformation", "config", "terraform", "kubernetes"))
      assertThat(schema.validate(assess(fixture))).as(fixture).isEmpty();
    assertThat(schema.validate(assess("config", "--ignore-inline-suppressions"))).isEmpty();
  }

  @Test
  void sarifWithSuppressionsValidatesAndCarriesThem() throws IOException {
    CliTest.Result r = run("assess", FIXTURES + "config", "--format", "sarif", "--date", DATE);
    JsonNode sarif = MAPPER.readTree(r.out());
    JsonSchema schema;
    try (InputStream in = getClass().getResourceAsStream("/schemas/sarif-schema-2.1.0.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
    }
    assertThat(schema.validate(sarif)).isEmpty();
    List<String> kinds = new ArrayList<>();
    for (JsonNode result : sarif.path("runs").get(0).path("results"))
      for (JsonNode s : result.path("suppressions"))
        kinds.add(s.path("kind").asText() + ": " + s.path("justification").asText());
    assertThat(kinds)
        .contains("external: audit copy, rebuilt from the event log", "inSource: inline waiver");
  }

  @Test
  void markdownListsSuppressedFindingsAfterThePlan() {
    CliTest.Result r = run("assess", FIXTURES + "cloudformation", "--date", DATE);
    String md = r.out();
    int section = md.indexOf("## Suppressed Findings");
    assertThat(section).isGreaterThan(md.indexOf("## Follow-up"));
    assertThat(md.substring(section))
        .contains(
            "| S-001 | REL-DB-SINGLE-AZ | OrdersDb | `template.yaml:5` | orders database is a copy"
                + " for reporting | 2030-01-01 | inline, `template.yaml:4` |")
        .contains("### Expired suppressions")
        .contains(
            "| FT-SINGLE-AZ-DATABASE | waiver for the migration | 2026-06-30 | inline,"
                + " `template.yaml:16` |");
    assertThat(md).contains("- **Suppressed**: 1 finding accepted by a suppression");
  }

  @Test
  void aPlanWithoutSuppressionsHasNoSuppressedSection() {
    assertThat(run("assess", FIXTURES + "terraform/db").out()).doesNotContain("Suppressed");
  }

  @Test
  void aFindingSuppressedSinceTheBaselineIsNotFixed(@TempDir Path dir) throws IOException {
    Path baseline = dir.resolve("baseline.json");
    CliTest.Result before =
        run(
            "assess",
            FIXTURES + "cloudformation",
            "--format",
            "json",
            "--ignore-inline-suppressions",
            "-o",
            baseline.toString());
    assertThat(before.code()).isZero();
    JsonNode report = assess("cloudformation", "--baseline", baseline.toString());
    assertThat(report.path("fixedSinceBaseline")).isEmpty();
  }

  @Test
  void cloudFormationJsonMetadataSuppressesItsResource() throws IOException {
    JsonNode report = assess("json");
    JsonNode by = suppressed(report, "ReportsDb").path("suppression");
    assertThat(by.path("file").asText()).isEqualTo("template.json");
    assertThat(by.path("line").asInt()).isEqualTo(9);
    assertThat(by.path("reason").asText()).isEqualTo("reporting copy, rebuilt nightly");
    assertThat(active(report, "REL-DB-SINGLE-AZ")).containsExactly("OrdersDb");
  }

  @Test
  void terraformFileLevelCommentCoversEveryResourceOfItsFileOnly() throws IOException {
    JsonNode report = assess("file-level");
    assertThat(suppressed(report, "aws_db_instance.scratch")).isNotNull();
    assertThat(suppressed(report, "aws_db_instance.demo").path("suppression").path("line").asInt())
        .isEqualTo(2);
    assertThat(active(report, "REL-DB-SINGLE-AZ")).containsExactly("aws_db_instance.main");
  }

  @Test
  void theNotesNameASuppressionCoveringNothingAndOneWithoutAReason(@TempDir Path dir)
      throws IOException {
    Files.writeString(
        dir.resolve("main.tf"),
        """
        resource "aws_sqs_queue" "q" {
          # relplan:ignore REL-DB-SINGLE-AZ no database here
        }

        resource "aws_sqs_queue" "r" {
          # relplan:ignore REL-DB-SINGLE-AZ
        }
        """);
    CliTest.Result r = run("assess", dir.toString(), "--format", "json");
    assertThat(r.code()).isZero();
    String notes = r.json().path("workload").path("notes").toString();
    assertThat(notes)
        .contains("Suppression of REL-DB-SINGLE-AZ at main.tf:2 covers no finding")
        .contains(
            "Suppression at main.tf:6 not applied: REL-DB-SINGLE-AZ has no reason (a reason is"
                + " mandatory)");
  }
}
