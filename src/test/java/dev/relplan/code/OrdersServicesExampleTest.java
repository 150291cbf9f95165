package dev.relplan.code;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relplan.assess.Assessment;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.report.JsonRenderer;
import dev.relplan.report.MarkdownRenderer;
import dev.relplan.rules.Context;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * examples/orders-services: the application-code findings and the integrations of its Java and
 * Python services.
 */
class OrdersServicesExampleTest {
  private static final Path EXAMPLE = Path.of("examples/orders-services");

  private static Pipeline.Result run() throws Exception {
    return Pipeline.run(
        new Pipeline.Request(List.of(EXAMPLE), "orders-services", Context.defaults(), List.of()));
  }

  @Test
  void applicationCodeFindingsAreAtTheirExactLines() throws Exception {
    Set<String> code = new TreeSet<>();
    for (Assessment.NumberedFinding n : run().assessment().findings()) {
      if (n.finding().rule().id().startsWith("REL-CODE-"))
        code.add(n.finding().rule().id() + " " + n.finding().evidence().get(0));
    }
    String java = "services/orders-api/src/main/java/com/example/orders/";
    assertThat(code)
        .containsExactly(
            "REL-CODE-BREAKING-MIGRATION services/orders-api/src/main/resources/db/migration/V3__drop_legacy_ref.sql:3",
            "REL-CODE-CALL-EXCEEDS-DEADLINE services/receipt-mailer/app.py:19",
            "REL-CODE-CALL-NO-TIMEOUT " + java + "PaymentGatewayClient.java:24",
            "REL-CODE-CALL-NO-TIMEOUT-OR-BREAKER " + java + "PaymentGatewayClient.java:24",
            "REL-CODE-EVENT-HANDLER-NO-IDEMPOTENCY services/fulfilment-consumer/app.py:25",
            "REL-CODE-SHALLOW-HEALTH-CHECK " + java + "HealthController.java:10");
  }

  @Test
  void bothReportsListTheIntegrations() throws Exception {
    Pipeline.Result r = run();
    String md = MarkdownRenderer.render(r.assessment(), "2026-01-01");
    assertThat(md).contains("## Appendix E: Integrations");
    assertThat(md)
        .contains(
            "| fetch_rates → https://api.fxrates.example.com (requests) | `services/pricing/app.py:26`");
    assertThat(md)
        .contains(
            "| PaymentGatewayClient.charge → https://api.payments.example.com (Spring RestTemplate) |");
    JsonNode integrations =
        new ObjectMapper()
            .readTree(JsonRenderer.render(r.assessment(), "test", r.snippets()))
            .get("integrations");
    assertThat(integrations).hasSize(4);
    JsonNode rates = null;
    for (JsonNode i : integrations)
      if (i.get("integration").asText().startsWith("fetch_rates")) rates = i;
    assertThat(rates).isNotNull();
    assertThat(rates.get("timeout").asText()).isEqualTo("connect 2 s, read 5 s");
    assertThat(rates.get("retry").asText()).startsWith("@retry(");
  }

  @Test
  void theJsonReportValidatesAgainstTheShippedSchema() throws Exception {
    Pipeline.Result r = run();
    JsonNode json =
        new ObjectMapper().readTree(JsonRenderer.render(r.assessment(), "test", r.snippets()));
    try (java.io.InputStream in =
        OrdersServicesExampleTest.class.getResourceAsStream("/relplan-report.schema.json")) {
      var schema =
          com.networknt.schema.JsonSchemaFactory.getInstance(
                  com.networknt.schema.SpecVersion.VersionFlag.V202012)
              .getSchema(in);
      assertThat(schema.validate(json)).isEmpty();
    }
  }
}
