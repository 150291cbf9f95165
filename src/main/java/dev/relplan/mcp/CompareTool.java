package dev.relplan.mcp;

import dev.relplan.assess.Assessment;
import dev.relplan.pipeline.Baseline;
import dev.relplan.report.ReportInput;
import dev.relplan.report.Summary;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * compare: an assessment against a previous JSON report, as {@code assess --baseline} marks it —
 * the last assessment, or a fresh one when paths are given.
 */
final class CompareTool {
  private CompareTool() {}

  static Map<String, Object> compare(
      Session session, Arguments args, McpSyncServerExchange exchange) {
    List<Path> roots = session.roots.current(exchange);
    Path baseline = AllowedRoots.confine(args.string("baseline"), "baseline", roots);
    List<Assessment.PastFinding> previous = Baseline.load(baseline);
    LastAssessment now =
        args.strings("paths").isEmpty() ? session.last() : session.assess(args, roots);
    Assessment marked = now.assessment().withBaseline(previous);
    ReportInput input =
        new ReportInput(
            marked,
            now.input().date(),
            now.input().toolVersion(),
            now.input().snippets(),
            now.input().rules());
    // The summary's finding lines, each with its status, all of them.
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> findings =
        (List<Map<String, Object>>) Summary.of(input, Integer.MAX_VALUE).get("findings");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("new", withStatus(findings, "new"));
    out.put("unchanged", withStatus(findings, "unchanged"));
    out.put("fixed", fixed(marked.fixedSinceBaseline()));
    return out;
  }

  private static List<Object> withStatus(List<Map<String, Object>> findings, String status) {
    List<Object> out = new ArrayList<>();
    for (Map<String, Object> f : findings) if (status.equals(f.get("status"))) out.add(f);
    return out;
  }

  private static List<Object> fixed(List<Assessment.PastFinding> gone) {
    List<Object> out = new ArrayList<>();
    for (Assessment.PastFinding p : gone) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", p.id());
      m.put("fingerprint", p.fingerprint());
      m.put("rule", p.rule());
      m.put("title", p.title());
      m.put("resource", p.resource());
      out.add(m);
    }
    return out;
  }
}
