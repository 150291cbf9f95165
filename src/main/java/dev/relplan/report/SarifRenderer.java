package dev.relplan.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.relplan.assess.Assessment;
import dev.relplan.source.Location;
import dev.relplan.rules.Finding;
import dev.relplan.rules.Rule;
import dev.relplan.rules.RuleMeta;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings as SARIF 2.1.0, for code-scanning dashboards and pull-request annotations. Critical and
 * High risks are errors, Medium warnings, Low notes; the first evidence line is the location and
 * the other deciding lines are related locations. Absence findings have no location.
 */
public final class SarifRenderer {
  private final JsonGenerator g;

  private SarifRenderer(JsonGenerator g) {
    this.g = g;
  }

  public static String render(Assessment a, List<Rule> rules, String version) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
      g.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));
      new SarifRenderer(g).write(a, rules, version);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w + "\n";
  }

  private void write(Assessment a, List<Rule> rules, String version) throws IOException {
    Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    g.writeStartObject();
    g.writeStringField("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    g.writeStringField("version", "2.1.0");
    g.writeArrayFieldStart("runs");
    g.writeStartObject();
    g.writeObjectFieldStart("tool");
    g.writeObjectFieldStart("driver");
    g.writeStringField("name", "relplan");
    g.writeStringField("version", version);
    g.writeStringField("informationUri", "https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/welcome.html");
    g.writeArrayFieldStart("rules");
    for (Rule r : rules) {
      RuleMeta m = r.meta();
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
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
    g.writeArrayFieldStart("results");
    for (Assessment.NumberedFinding nf : a.findings()) {
      Finding f = nf.finding();
      g.writeStartObject();
      g.writeStringField("ruleId", f.rule().id());
      Integer index = ruleIndex.get(f.rule().id());
      if (index != null) g.writeNumberField("ruleIndex", index);
      g.writeStringField("level", switch (nf.risk()) {
        case CRITICAL, HIGH -> "error";
        case MEDIUM -> "warning";
        case LOW -> "note";
      });
      g.writeObjectFieldStart("message");
      g.writeStringField("text", nf.id() + " [" + nf.risk().title + "] " + f.title() + ": " + f.description());
      g.writeEndObject();
      List<Location> ev = f.evidence();
      if (!ev.isEmpty()) {
        g.writeArrayFieldStart("locations");
        location(ev.get(0), -1);
        g.writeEndArray();
        if (ev.size() > 1) {
          g.writeArrayFieldStart("relatedLocations");
          for (int i = 1; i < ev.size(); i++) location(ev.get(i), i);
          g.writeEndArray();
        }
      }
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
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();
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
