package dev.relplan.mcp;

import dev.relplan.report.JsonValues;
import dev.relplan.source.InputError;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One tool: its name, description and JSON Schemas (resources beside this class, {@code
 * schemas/NAME.input.json} and {@code .output.json}) and what it does. A call's result is its
 * structured content with the same JSON as text; a problem is a result marked isError whose text is
 * one line, never a stack trace.
 */
record ToolSpec(String name, String title, String description, Handler handler) {

  /** What a tool does with its arguments, given the exchange (for the client's roots). */
  @FunctionalInterface
  interface Handler {
    Map<String, Object> call(Arguments args, McpSyncServerExchange exchange);
  }

  McpServerFeatures.SyncToolSpecification specification(McpJsonMapper json) {
    McpSchema.Tool tool =
        McpSchema.Tool.builder()
            .name(name)
            .title(title)
            .description(description)
            .inputSchema(json, schema("input"))
            .outputSchema(json, schema("output"))
            .build();
    return McpServerFeatures.SyncToolSpecification.builder()
        .tool(tool)
        .callHandler((exchange, request) -> call(exchange, request.arguments()))
        .build();
  }

  private McpSchema.CallToolResult call(McpSyncServerExchange exchange, Map<String, Object> args) {
    try {
      Map<String, Object> out = handler.call(new Arguments(args), exchange);
      return McpSchema.CallToolResult.builder()
          .structuredContent(out)
          .addTextContent(JsonValues.write(out))
          .build();
    } catch (ToolError | InputError e) {
      return error(e.getMessage());
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      return error(
          "internal error: "
              + e.toString().lines().findFirst().orElse("")
              + " (please report it with the input that caused it)");
    }
  }

  private static McpSchema.CallToolResult error(String message) {
    return McpSchema.CallToolResult.builder()
        .addTextContent("relplan: " + message)
        .isError(true)
        .build();
  }

  private String schema(String kind) {
    String resource = "schemas/" + name + "." + kind + ".json";
    try (InputStream in = ToolSpec.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing " + resource);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
