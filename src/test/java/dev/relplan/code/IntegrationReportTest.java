package dev.relplan.code;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.report.JsonRenderer;
import dev.relplan.report.MarkdownRenderer;
import dev.relplan.rules.Context;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The integrations table in both reports. */
class IntegrationReportTest {
  private static final Path FIXTURE =
      Path.of("src/test/resources/rules/REL-CODE-CALL-NO-TIMEOUT/code/fail");

  private static Pipeline.Result run(Path p) throws Exception {
    return Pipeline.run(new Pipeline.Request(List.of(p), "orders", Context.defaults(), List.of()));
  }

  @Test
  void markdownHasTheIntegrationsAppendixAfterTheOtherAppendices() throws Exception {
    String md = MarkdownRenderer.render(run(FIXTURE).assessment(), "2026-01-01");
    int d = md.indexOf("## Appendix D: Analysis Coverage");
    int e = md.indexOf("## Appendix E: Integrations");
    int follow = md.indexOf("## Follow-up");
    assertThat(d).isPositive();
    assertThat(e).isGreaterThan(d);
    assertThat(follow).isGreaterThan(e);
    assertThat(md)
        .contains(
            "| Integration | Evidence | Timeout | Retry Policy | Circuit Breaker | Fallback |");
    assertThat(md)
        .contains(
            "| InventoryClient.stock → https://inventory.internal.example.com (java.net.http.HttpClient) | "
                + "`src/main/java/com/example/orders/InventoryClient.java:20`, `src/main/java/com/example/orders/InventoryClient.java:12`, "
                + "`src/main/java/com/example/orders/InventoryClient.java:13` | None: HttpRequest.Builder.timeout is not set");
  }

  @Test
  void jsonListsEveryIntegrationWithEvidenceAndSettings() throws Exception {
    Pipeline.Result r = run(FIXTURE);
    JsonNode root =
        new ObjectMapper().readTree(JsonRenderer.render(r.assessment(), "test", r.snippets()));
    JsonNode integrations = root.get("integrations");
    // 13, and the Spring configuration, imported axios instance and imported requests session calls
    assertThat(integrations).hasSize(22);
    JsonNode payments = null;
    for (JsonNode i : integrations)
      if (i.get("integration").asText().startsWith("PaymentsClient.charge")) payments = i;
    assertThat(payments).isNotNull();
    assertThat(payments.get("file").asText())
        .isEqualTo("src/main/java/com/example/orders/PaymentsClient.java");
    assertThat(payments.get("line").asInt()).isEqualTo(14);
    assertThat(payments.get("client").asText()).isEqualTo("Spring RestTemplate");
    assertThat(payments.get("target").asText()).isEqualTo("https://payments.example.com");
    assertThat(payments.get("timeout").asText())
        .startsWith("None: new RestTemplate() uses SimpleClientHttpRequestFactory");
    assertThat(payments.get("retry").asText()).isEqualTo("None found");
    assertThat(payments.get("circuitBreaker").asText()).isEqualTo("None found");
    assertThat(payments.get("fallback").asText()).isEqualTo("None found");
    assertThat(payments.get("evidence").get(1).get("file").asText())
        .isEqualTo("src/main/java/com/example/orders/HttpConfig.java");
    assertThat(payments.get("evidence").get(1).get("snippet").asText())
        .isEqualTo("return new RestTemplate(); // relplan:evidence");
  }

  @Test
  void poolSettingsTravelInTheTimeoutColumnAndAreAReliabilityStrength() throws Exception {
    Pipeline.Result r = run(Path.of("src/test/resources/rules/REL-CODE-CALL-NO-TIMEOUT/code/pass"));
    JsonNode root =
        new ObjectMapper().readTree(JsonRenderer.render(r.assessment(), "test", r.snippets()));
    JsonNode pool = null;
    for (JsonNode i : root.get("integrations"))
      if (i.get("client").asText().equals("psycopg_pool")) pool = i;
    assertThat(pool).isNotNull();
    assertThat(pool.get("line").asInt()).isEqualTo(7);
    assertThat(pool.get("timeout").asText())
        .isEqualTo(
            "statement_timeout 3000 ms, connect_timeout 5 s (DSN); pool: max_size 10, timeout 5 s");
    String md = MarkdownRenderer.render(r.assessment(), "2026-01-01");
    assertThat(md)
        .contains("database/cache client(s) in application code set connection-pool limits");
  }

  @Test
  void reportsWithIntegrationsValidateAgainstTheShippedSchema() throws Exception {
    com.networknt.schema.JsonSchema schema;
    try (var in = getClass().getResourceAsStream("/relplan-report.schema.json")) {
      schema =
          com.networknt.schema.JsonSchemaFactory.getInstance(
                  com.networknt.schema.SpecVersion.VersionFlag.V202012)
              .getSchema(in);
    }
    for (String rule :
        List.of(
            "REL-CODE-CALL-NO-TIMEOUT",
            "REL-CODE-CALL-NO-TIMEOUT-OR-BREAKER",
            "REL-CODE-SDK-RETRIES-DISABLED")) {
      for (String kind : List.of("fail", "pass")) {
        Pipeline.Result r = run(Path.of("src/test/resources/rules", rule, "code", kind));
        JsonNode json =
            new ObjectMapper().readTree(JsonRenderer.render(r.assessment(), "test", r.snippets()));
        assertThat(json.get("integrations").size())
            .as(rule + "/" + kind + " integrations")
            .isPositive();
        assertThat(schema.validate(json)).as(rule + "/" + kind).isEmpty();
      }
    }
  }

  @Test
  void findingsCiteTheCallThenTheClient() throws Exception {
    var findings =
        run(FIXTURE).assessment().findings().stream()
            .filter(f -> f.finding().rule().id().equals("REL-CODE-CALL-NO-TIMEOUT"))
            .toList();
    assertThat(findings).hasSize(22);
    var payments =
        findings.stream()
            .filter(f -> f.finding().resource().startsWith("PaymentsClient"))
            .findFirst()
            .orElseThrow();
    assertThat(payments.finding().evidence())
        .extracting(Object::toString)
        .containsExactly(
            "src/main/java/com/example/orders/PaymentsClient.java:14",
            "src/main/java/com/example/orders/HttpConfig.java:11");
    assertThat(payments.finding().rule().flag()).isEqualTo("RP-NO-TIMEOUT");
  }

  @Test
  void codeInLanguagesThatAreNotScannedIsNamedInANote(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    java.nio.file.Files.writeString(dir.resolve("server.ts"), "export const x = 1;\n");
    java.nio.file.Files.writeString(dir.resolve("main.rb"), "puts 1\n");
    var a = run(dir).assessment();
    assertThat(a.notes())
        .contains(
            "application code not analysed (only Java, Python, JavaScript, TypeScript, Go and C# calls, health checks and handlers are): 1 .rb file(s)");
  }

  @Test
  void anUnboundedCallWithZeroAttemptsConfiguredIsReportedAsUnboundedInEveryFormat(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    java.nio.file.Files.writeString(
        dir.resolve("template.yaml"),
        """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Ingest:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: src/
              Handler: app.handler
              Runtime: nodejs20.x
        """);
    java.nio.file.Files.createDirectories(dir.resolve("src"));
    java.nio.file.Files.writeString(
        dir.resolve("src/app.ts"),
        """
        import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
        const ddb = new DynamoDBClient({ maxAttempts: 0 });
        export const handler = async () => {
          await ddb.send(new PutItemCommand({ TableName: 't', Item: {} }));
        };
        """);
    var a = run(dir).assessment();
    var row = a.integrations().get(0);
    assertThat(row.attempts()).isEqualTo(1);
    assertThat(row.worstCaseSeconds()).isNull();
    assertThat(row.waitNote()).startsWith("Unbounded");
    assertThat(MarkdownRenderer.render(a, "2026-01-01")).contains("| Unbounded |");
  }
}
