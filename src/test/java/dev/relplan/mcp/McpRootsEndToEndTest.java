package dev.relplan.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relplan.cli.Main;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that names its own roots (MCP roots): they replace the server's --root, and compare
 * reads a baseline report inside them.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class McpRootsEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path ORDERS = Path.of("examples/orders-platform").toAbsolutePath();

  @TempDir Path dir;
  private McpSyncClient client;

  @AfterEach
  void stop() {
    if (client != null) client.closeGracefully();
  }

  /** A server started with --root DIR, whose client names these roots. */
  private McpSyncClient connect(Path serverRoot, Path... clientRoots) {
    ServerParameters server =
        ServerParameters.builder(Path.of(System.getProperty("java.home"), "bin", "java").toString())
            .args(
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "mcp",
                "--root",
                serverRoot.toString())
            .build();
    client =
        McpClient.sync(new StdioClientTransport(server, new JacksonMcpJsonMapper(JSON)))
            .requestTimeout(Duration.ofSeconds(120))
            .jsonSchemaValidator(new SchemaValidator())
            .capabilities(McpSchema.ClientCapabilities.builder().roots(true).build())
            .roots(
                java.util.Arrays.stream(clientRoots)
                    .map(p -> new McpSchema.Root(p.toUri().toString(), p.getFileName().toString()))
                    .toList())
            .build();
    client.initialize();
    client.listTools();
    return client;
  }

  @Test
  void theClientsRootsReplaceTheServersRoot() throws Exception {
    connect(ORDERS, dir);

    McpSchema.CallToolResult result =
        client.callTool(
            new McpSchema.CallToolRequest("assess", Map.of("paths", List.of(ORDERS.toString()))));

    assertThat(result.isError()).isTrue();
    assertThat(((McpSchema.TextContent) result.content().get(0)).text())
        .contains("is outside the allowed roots (" + dir.toRealPath());
  }

  @Test
  @SuppressWarnings("unchecked")
  void compareSortsFindingsIntoNewUnchangedAndFixed() throws Exception {
    Path baseline = baselineWithFirstFindingReplaced();
    connect(dir, dir, ORDERS);

    McpSchema.CallToolResult result =
        client.callTool(
            new McpSchema.CallToolRequest(
                "compare",
                Map.of("baseline", baseline.toString(), "paths", List.of(ORDERS.toString()))));

    assertThat(result.isError()).as(result.content().toString()).isNotEqualTo(Boolean.TRUE);
    Map<String, Object> out = (Map<String, Object>) result.structuredContent();
    assertThat((List<Map<String, Object>>) out.get("new"))
        .extracting(f -> f.get("id"))
        .containsExactly("F-001");
    assertThat((List<Object>) out.get("unchanged")).hasSize(31);
    assertThat((List<Map<String, Object>>) out.get("fixed"))
        .extracting(f -> f.get("fingerprint"))
        .containsExactly("0000000000000000");
  }

  /** The example's JSON report, its first finding swapped for one that no longer exists. */
  private Path baselineWithFirstFindingReplaced() throws Exception {
    Path report = dir.resolve("baseline.json");
    assertThat(
            Main.execute(
                "assess", ORDERS.toString(), "--format", "json", "-q", "-o", report.toString()))
        .isZero();
    ObjectNode doc = (ObjectNode) JSON.readTree(report.toFile());
    ObjectNode gone = ((ObjectNode) doc.get("findings").get(0)).deepCopy();
    gone.put("fingerprint", "0000000000000000").put("id", "F-099");
    ((ArrayNode) doc.get("findings")).set(0, gone);
    Files.writeString(report, JSON.writeValueAsString(doc));
    return report;
  }
}
