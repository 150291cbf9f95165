package dev.relplan.portfolio;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

/**
 * The portfolio as JSON, laid out as the JSON report is (two-space indent, fixed field order). The
 * HTML page embeds the same document on one line.
 */
public final class PortfolioJson implements PortfolioRenderer {
  @Override
  public String format() {
    return "json";
  }

  @Override
  public void render(Portfolio p, Writer out) throws IOException {
    try (JsonGenerator g = generator(out)) {
      g.setPrettyPrinter(
          new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));
      new Document(g).write(p);
    }
    out.write('\n');
  }

  /** The same document on one line. */
  static void renderCompact(Portfolio p, Writer out) throws IOException {
    try (JsonGenerator g = generator(out)) {
      new Document(g).write(p);
    }
  }

  private static JsonGenerator generator(Writer out) throws IOException {
    return new JsonFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  }

  /** One portfolio being written: one method per top-level field. */
  private record Document(JsonGenerator g) {
    void write(Portfolio p) throws IOException {
      g.writeStartObject();
      g.writeStringField("schemaVersion", "1");
      g.writeStringField("kind", "relplan-portfolio");
      reports(p);
      strings("domains", p.domains());
      workloads(p);
      gaps(p);
      criticals(p);
      targets(p);
      trends(p);
      g.writeEndObject();
    }

    private void reports(Portfolio p) throws IOException {
      g.writeArrayFieldStart("reports");
      for (Portfolio.Workload w : p.workloads())
        for (WorkloadReport r : w.reports()) {
          g.writeStartObject();
          g.writeStringField("workload", r.workload());
          nullable("date", r.date());
          g.writeStringField("file", r.file());
          g.writeEndObject();
        }
      g.writeEndArray();
    }

    private void workloads(Portfolio p) throws IOException {
      g.writeArrayFieldStart("workloads");
      for (Portfolio.Workload w : p.workloads()) {
        WorkloadReport r = w.latest();
        g.writeStartObject();
        g.writeStringField("name", w.name());
        g.writeNumberField("reports", w.reports().size());
        nullable("tier", r.tier());
        target(r.availabilityTarget());
        state(r);
        g.writeEndObject();
      }
      g.writeEndArray();
    }

    /** What one report says: its date, maturity, counts by risk and domain scores. */
    private void state(WorkloadReport r) throws IOException {
      nullable("date", r.date());
      g.writeNumberField("maturity", r.maturity());
      g.writeObjectFieldStart("summary");
      g.writeNumberField("critical", r.counts().critical());
      g.writeNumberField("high", r.counts().high());
      g.writeNumberField("medium", r.counts().medium());
      g.writeNumberField("low", r.counts().low());
      g.writeNumberField("cannotDetermine", r.cannotDetermine());
      g.writeNumberField("findings", r.counts().total());
      g.writeEndObject();
      g.writeArrayFieldStart("scorecard");
      for (WorkloadReport.DomainScore s : r.scores()) {
        g.writeStartObject();
        g.writeStringField("domain", s.domain());
        g.writeNumberField("score", s.score());
        g.writeEndObject();
      }
      g.writeEndArray();
    }

    private void gaps(Portfolio p) throws IOException {
      g.writeArrayFieldStart("gaps");
      for (Portfolio.Gap gap : p.gaps()) {
        g.writeStartObject();
        g.writeStringField("rule", gap.rule());
        nullable("title", gap.title());
        g.writeNumberField("workloadCount", gap.workloads().size());
        g.writeNumberField("findings", gap.findings());
        strings("workloads", gap.workloads());
        g.writeEndObject();
      }
      g.writeEndArray();
    }

    private void criticals(Portfolio p) throws IOException {
      g.writeArrayFieldStart("criticalFindings");
      for (Portfolio.Critical c : p.criticals()) {
        g.writeStartObject();
        g.writeStringField("workload", c.workload());
        findingFields(c.finding());
        g.writeEndObject();
      }
      g.writeEndArray();
    }

    private void targets(Portfolio p) throws IOException {
      g.writeObjectFieldStart("availabilityTargets");
      g.writeNumberField("missing", p.missingTargets());
      g.writeArrayFieldStart("workloads");
      for (TargetCheck t : p.targets()) {
        g.writeStartObject();
        g.writeStringField("workload", t.workload());
        target(t.target());
        nullable("tier", t.tier());
        g.writeStringField("verdict", t.verdict().title);
        g.writeStringField("reason", t.reason());
        findings("findings", t.findings());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }

    private void trends(Portfolio p) throws IOException {
      g.writeArrayFieldStart("trends");
      for (Portfolio.Trend t : p.trends()) {
        g.writeStartObject();
        g.writeStringField("workload", t.workload());
        g.writeObjectFieldStart("then");
        state(t.then());
        g.writeEndObject();
        g.writeObjectFieldStart("now");
        state(t.now());
        g.writeEndObject();
        findings("fixed", t.fixed());
        findings("new", t.added());
        g.writeEndObject();
      }
      g.writeEndArray();
    }

    private void findings(String name, List<WorkloadReport.Finding> findings) throws IOException {
      g.writeArrayFieldStart(name);
      for (WorkloadReport.Finding f : findings) {
        g.writeStartObject();
        findingFields(f);
        g.writeEndObject();
      }
      g.writeEndArray();
    }

    private void findingFields(WorkloadReport.Finding f) throws IOException {
      g.writeStringField("id", f.id());
      g.writeStringField("fingerprint", f.fingerprint());
      g.writeStringField("rule", f.rule());
      g.writeStringField("title", f.title());
      g.writeStringField("risk", f.risk());
      g.writeStringField("resource", f.resource());
      nullable("root", f.root());
      nullable("file", f.file());
      if (f.file() == null) g.writeNullField("line");
      else g.writeNumberField("line", f.line());
    }

    private void target(String target) throws IOException {
      if (target == null) g.writeNullField("availabilityTarget");
      else g.writeNumberField("availabilityTarget", new BigDecimal(target));
    }

    private void strings(String name, List<String> values) throws IOException {
      g.writeArrayFieldStart(name);
      for (String v : values) g.writeString(v);
      g.writeEndArray();
    }

    private void nullable(String name, String value) throws IOException {
      if (value == null) g.writeNullField(name);
      else g.writeStringField(name, value);
    }
  }
}
