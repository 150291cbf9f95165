package dev.relplan.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relplan.cli.Main;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code relplan mcp} launched as a child process (java with the test class path and the CLI's main
 * class) and driven by the SDK's own client over stdio, as an editor's agent would: initialise,
 * list the tools, assess the orders-platform example, show a finding, and be refused a path outside
 * the served root. The client checks each result against the tool's output schema.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class McpServerEndToEndTest {
  private static final Path EXAMPLES = Path.of("examples").toAbsolutePath();
  private static final List<String> STDERR = new CopyOnWriteArrayList<>();
  private static McpSyncClient client;
  private static McpSchema.InitializeResult initialized;

  @BeforeAll
  static void start() {
    ServerParameters server =
        ServerParameters.builder(Path.of(System.getProperty("java.home"), "bin", "java").toString())
            .args(
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "mcp",
                "--root",
                EXAMPLES.toString())
            .build();
    StdioClientTransport transport =
        new StdioClientTransport(server, new JacksonMcpJsonMapper(new ObjectMapper()));
    transport.setStdErrorHandler(STDERR::add);
    client =
        McpClient.sync(transport)
            .requestTimeout(Duration.ofSeconds(120))
            .initializationTimeout(Duration.ofSeconds(60))
            .jsonSchemaValidator(new SchemaValidator())
            .build();
    initialized = client.initialize();
    client.listTools(); // the client keeps the output schemas it then checks results against
  }

  @AfterAll
  static void stop() {
    client.closeGracefully();
  }

  @Test
  void initialisationNamesRelplanAndOffersToolsAndResources() {
    assertThat(initialized.serverInfo().name()).isEqualTo("relplan");
    assertThat(initialized.serverInfo().version()).isEqualTo(Main.VERSION);
    assertThat(initialized.capabilities().tools()).isNotNull();
    assertThat(initialized.capabilities().resources()).isNotNull();
  }

  @Test
  void listsEveryToolWithAnInputAndAnOutputSchema() {
    List<McpSchema.Tool> tools = client.listTools().tools();

    assertThat(tools)
        .extracting(McpSchema.Tool::name)
        .containsExactly(
            "assess", "list_rules", "explain_rule", "show_finding", "generate_fix", "compare");
    assertThat(tools).allSatisfy(t -> assertThat(t.outputSchema()).containsKey("properties"));
    assertThat(tools.get(0).inputSchema()).containsEntry("required", List.of("paths"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void assessOnTheOrdersPlatformReturnsItsFindingsAndNothingOnStderr() {
    McpSchema.CallToolResult result = assess("orders-platform");

    assertThat(result.isError()).as(text(result)).isNotEqualTo(Boolean.TRUE);
    Map<String, Object> summary = (Map<String, Object>) result.structuredContent();
    assertThat(((Map<String, Object>) summary.get("counts")).get("findings")).isEqualTo(32);
    assertThat((List<Map<String, Object>>) summary.get("findings"))
        .anySatisfy(
            f -> {
              assertThat(f.get("rule")).isEqualTo("REL-ASYNC-NO-DLQ");
              assertThat(f.get("resource")).isEqualTo("AuditQueue");
              assertThat((Map<String, Object>) f.get("location"))
                  .containsEntry("file", "app.yaml")
                  .containsEntry("line", 205);
            });
    assertThat(STDERR).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void showFindingQuotesTheSourceAroundItsEvidence() {
    assess("orders-platform");

    McpSchema.CallToolResult result =
        client.callTool(
            new McpSchema.CallToolRequest(
                "show_finding", Map.of("finding", "F-002", "contextLines", 1)));

    assertThat(result.isError()).as(text(result)).isNotEqualTo(Boolean.TRUE);
    Map<String, Object> finding = (Map<String, Object>) result.structuredContent();
    assertThat(finding).containsEntry("resource", "AuditQueue");
    Map<String, Object> first = ((List<Map<String, Object>>) finding.get("evidence")).get(0);
    assertThat((List<Map<String, Object>>) first.get("source"))
        .containsExactly(
            Map.of("line", 204, "text", ""),
            Map.of("line", 205, "text", "  AuditQueue:"),
            Map.of("line", 206, "text", "    Type: AWS::SQS::Queue"));
  }

  @Test
  void assessOfAPathOutsideTheRootsIsAnErrorNamingIt() {
    McpSchema.CallToolResult result =
        client.callTool(new McpSchema.CallToolRequest("assess", Map.of("paths", List.of("/etc"))));

    assertThat(result.isError()).isTrue();
    assertThat(text(result))
        .startsWith("relplan: paths '/etc' is outside the allowed roots (" + EXAMPLES)
        .doesNotContain("Exception")
        .doesNotContain("\n");
  }

  @Test
  @SuppressWarnings("unchecked")
  void generateFixReturnsThePatchForAQueueWithoutDeadLetterQueue() {
    assess("orders-platform");

    Map<String, Object> fix = call("generate_fix", Map.of("finding", "F-002"));

    assertThat(fix).containsEntry("finding", "F-002").containsEntry("generated", true);
    assertThat((List<Map<String, Object>>) fix.get("files"))
        .anySatisfy(
            f -> {
              assertThat((String) f.get("path")).isEqualTo("fixes/app.yaml.patch");
              assertThat((String) f.get("content")).contains("+  AuditQueueDeadLetterQueue:");
            });
  }

  @Test
  @SuppressWarnings("unchecked")
  void generateFixForARuleWithoutAGeneratorSaysSo() {
    assess("orders-platform");

    Map<String, Object> fix = call("generate_fix", Map.of("finding", "F-011"));

    assertThat(fix).containsEntry("generated", false);
    assertThat((List<String>) fix.get("notes"))
        .containsExactly(
            "F-011: relplan generates no patch for REL-BACKUP-NO-CROSS-REGION (High) yet:"
                + " follow the recommendation (show_finding)");
  }

  @Test
  @SuppressWarnings("unchecked")
  void explainRuleGivesTheRulesDocumentationSection() {
    Map<String, Object> explained = call("explain_rule", Map.of("rule", "ft-missing-dlq"));

    List<Map<String, Object>> rules = (List<Map<String, Object>>) explained.get("rules");
    assertThat(rules).extracting(r -> r.get("id")).containsExactly("REL-ASYNC-NO-DLQ");
    assertThat((String) rules.get(0).get("markdown")).startsWith("## REL-ASYNC-NO-DLQ");
  }

  @Test
  @SuppressWarnings("unchecked")
  void listRulesNamesEveryRuleOnce() {
    List<Map<String, Object>> rules =
        (List<Map<String, Object>>) call("list_rules", Map.of()).get("rules");

    assertThat(rules).hasSize(dev.relplan.rules.RuleRegistry.all().size());
    assertThat(rules).extracting(r -> r.get("id")).doesNotHaveDuplicates();
  }

  @Test
  void theFindingsResourceIsTheJsonReportsFindings() {
    assess("orders-platform");

    McpSchema.ReadResourceResult read =
        client.readResource(new McpSchema.ReadResourceRequest("relplan://report/findings"));

    String text = ((McpSchema.TextResourceContents) read.contents().get(0)).text();
    assertThat(text).startsWith("[").contains("\"id\" : \"F-032\"");
  }

  private static Map<String, Object> call(String tool, Map<String, Object> args) {
    McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool, args));
    assertThat(result.isError()).as(text(result)).isNotEqualTo(Boolean.TRUE);
    @SuppressWarnings("unchecked")
    Map<String, Object> out = (Map<String, Object>) result.structuredContent();
    return out;
  }

  private static McpSchema.CallToolResult assess(String example) {
    return client.callTool(
        new McpSchema.CallToolRequest("assess", Map.of("paths", List.of(example))));
  }

  private static String text(McpSchema.CallToolResult result) {
    return ((McpSchema.TextContent) result.content().get(0)).text();
  }
}
