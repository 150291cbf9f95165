package dev.relplan.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.relplan.assess.Assessment;
import dev.relplan.rules.Finding;
import dev.relplan.rules.Risk;
import dev.relplan.rules.Rule;
import dev.relplan.rules.RuleMeta;
import dev.relplan.source.Location;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings as SARIF 2.1.0, for code-scanning dashboards and pull-request annotations. Critical and
 * High risks are errors, Medium warnings, Low notes; the first evidence line is the location and
 * the other deciding lines are related locations. Absence findings have no location.
 */
public final class SarifRenderer implements Renderer {
  @Override
  public String format() {
    return "sarif";
  }

  @Override
  public String extension() {
    return "sarif";
  }

  @Override
  public String render(ReportInput input) {
    return render(input.assessment(), input.rules(), input.toolVersion());
  }

  /**
   * The SARIF log of one assessment, describing every rule in {@code rules} and a result per
   * finding.
   */
  public static String render(Assessment a, List<Rule> rules, String version) {
    return PrettyJson.write(g -> new Log(g).write(a, rules, version));
  }

  /** One SARIF log being written: the tool with its rules, then one result per finding. */
  private static final class Log {
    private final JsonGenerator g;

    /** Each rule's position in the tool's rule list, which results refer to. */
    private final Map<String, Integer> ruleIndex = new LinkedHashMap<>();

    Log(JsonGenerator g) {
      this.g = g;
    }

    void write(Assessment a, List<Rule> rules, String version) throws IOException {
      g.writeStartObject();
      g.writeStringField("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
      g.writeStringField("version", "2.1.0");
      g.writeArrayFieldStart("runs");
      g.writeStartObject();
      tool(rules, version);
      g.writeArrayFieldStart("results");
      for (Assessment.NumberedFinding nf : a.findings()) result(nf);
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
    }

    private void tool(List<Rule> rules, String version) throws IOException {
      g.writeObjectFieldStart("tool");
      g.writeObjectFieldStart("driver");
      g.writeStringField("name", "relplan");
      g.writeStringField("version", version);
      g.writeStringField(
          "informationUri",
          "https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/welcome.html");
      g.writeArrayFieldStart("rules");
      for (Rule r : rules) rule(r.meta());
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndObject();
    }

    private void rule(RuleMeta m) throws IOException {
      ruleIndex.put(m.id(), ruleIndex.size());
      g.writeStartObject();
      g.writeStringField("id", m.id());
      g.writeObjectFieldStart("shortDescription");
      g.writeStringField("text", m.title());
      g.writeEndObject();
      g.writeObjectFieldStart("help");
      g.writeStringField("text", m.remediation());
      g.writeEndObject();
      g.writeObjectFieldStart("properties");
      if (m.flag() != null) g.writeStringField("flag", m.flag());
      g.writeStringField("domain", m.domain().title);
      g.writeArrayFieldStart("tags");
      for (String bp : m.bestPractices()) g.writeString(bp);
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndObject();
    }

    private void result(Assessment.NumberedFinding nf) throws IOException {
      Finding f = nf.finding();
      g.writeStartObject();
      g.writeStringField("ruleId", f.rule().id());
      Integer index = ruleIndex.get(f.rule().id());
      if (index != null) g.writeNumberField("ruleIndex", index);
      g.writeStringField("level", level(nf.risk()));
      g.writeObjectFieldStart("message");
      g.writeStringField(
          "text", nf.id() + " [" + nf.risk().title + "] " + f.title() + ": " + f.description());
      g.writeEndObject();
      locations(f.evidence());
      g.writeObjectFieldStart("partialFingerprints");
      g.writeStringField("relplanFinding/v1", nf.baselineKey());
      g.writeEndObject();
      g.writeObjectFieldStart("properties");
      g.writeStringField("risk", nf.risk().title);
      g.writeStringField("impact", f.impact().title);
      g.writeStringField("likelihood", f.likelihood().title);
      g.writeStringField("resource", f.resource());
      g.writeEndObject();
      g.writeEndObject();
    }

    private static String level(Risk risk) {
      return switch (risk) {
        case CRITICAL, HIGH -> "error";
        case MEDIUM -> "warning";
        case LOW -> "note";
      };
    }

    /**
     * The first evidence line is the location, the others related locations; absence findings have
     * none.
     */
    private void locations(List<Location> evidence) throws IOException {
      if (evidence.isEmpty()) return;
      g.writeArrayFieldStart("locations");
      location(evidence.get(0), -1);
      g.writeEndArray();
      if (evidence.size() > 1) {
        g.writeArrayFieldStart("relatedLocations");
        for (int i = 1; i < evidence.size(); i++) location(evidence.get(i), i);
        g.writeEndArray();
      }
    }

    private void location(Location l, int id) throws IOException {
      g.writeStartObject();
      if (id >= 0) g.writeNumberField("id", id);
      g.writeObjectFieldStart("physicalLocation");
      g.writeObjectFieldStart("artifactLocation");
      g.writeStringField("uri", l.file());
      g.writeEndObject();
      g.writeObjectFieldStart("region");
      g.writeNumberField("startLine", l.line());
      g.writeEndObject();
      g.writeEndObject();
      g.writeEndObject();
    }
  }
}
