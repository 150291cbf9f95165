package dev.relplan.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relplan.report.JsonRenderer;
import dev.relplan.report.JsonValues;
import dev.relplan.report.MarkdownRenderer;
import dev.relplan.report.Summary;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

/**
 * The last assessment's report as resources: the summary, sections of the JSON report (findings,
 * plan, testing plan) and the Markdown plan. Before any assessment, reading one is an MCP error
 * saying to call assess.
 */
final class ReportResources {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReportResources() {}

  static List<McpServerFeatures.SyncResourceSpecification> all(Session session) {
    return List.of(
        resource(
            session,
            "summary",
            "The last assessment's summary (as assess returns it, every finding listed)",
            "application/json",
            last -> JsonValues.write(Summary.of(last.input(), Integer.MAX_VALUE))),
        resource(
            session,
            "findings",
            "The last assessment's findings with all their fields and evidence (the JSON"
                + " report's findings)",
            "application/json",
            last -> section(last, "findings")),
        resource(
            session,
            "plan",
            "The last assessment's improvement plan: quick wins, foundation, strategic",
            "application/json",
            last -> section(last, "plan")),
        resource(
            session,
            "testing-plan",
            "The last assessment's testing plan",
            "application/json",
            last -> section(last, "testingPlan")),
        resource(
            session,
            "markdown",
            "The last assessment's whole plan as Markdown",
            "text/markdown",
            last -> new MarkdownRenderer().render(last.input())));
  }

  private static McpServerFeatures.SyncResourceSpecification resource(
      Session session,
      String name,
      String description,
      String mimeType,
      Function<LastAssessment, String> text) {
    String uri = "relplan://report/" + name;
    McpSchema.Resource resource =
        McpSchema.Resource.builder()
            .uri(uri)
            .name(name)
            .description(description)
            .mimeType(mimeType)
            .build();
    return new McpServerFeatures.SyncResourceSpecification(
        resource,
        (exchange, request) -> {
          if (!session.assessed())
            throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
                .message(uri + " has no report yet: call the assess tool first")
                .build();
          return new McpSchema.ReadResourceResult(
              List.of(
                  new McpSchema.TextResourceContents(uri, mimeType, text.apply(session.last()))));
        });
  }

  /** One top-level field of the full JSON report, pretty-printed. */
  private static String section(LastAssessment last, String field) {
    try {
      JsonNode report = JSON.readTree(new JsonRenderer().render(last.input()));
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report.get(field)) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
