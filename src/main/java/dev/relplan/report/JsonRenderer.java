package dev.relplan.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.relplan.assess.Assessment;
import dev.relplan.source.Location;
import dev.relplan.rules.Finding;
import dev.relplan.rules.Risk;
import dev.relplan.rules.Strength;
import dev.relplan.rules.Tier;
import dev.relplan.rules.Undetermined;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

/** The plan as JSON (SPEC §4). Field order is fixed so output is byte-identical for the same input. */
public final class JsonRenderer {
  private final JsonGenerator g;
  private final Function<Location, String> snippet;

  private JsonRenderer(JsonGenerator g, Function<Location, String> snippet) {
    this.g = g;
    this.snippet = snippet;
  }

  public static String render(Assessment a, String version, Function<Location, String> snippet) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
      DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
      g.setPrettyPrinter(pp);
      new JsonRenderer(g, snippet).write(a, version);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w + "\n";
  }

  private void write(Assessment a, String version) throws IOException {
    g.writeStartObject();
    g.writeStringField("schemaVersion", "1");
    g.writeObjectFieldStart("tool");
    g.writeStringField("name", "relplan");
    g.writeStringField("version", version);
    g.writeEndObject();
    g.writeObjectFieldStart("workload");
    g.writeStringField("name", a.workload());
    nullable("availabilityTarget", a.availabilityTarget());
    nullable("rto", a.rto());
    nullable("rpo", a.rpo());
    strings("packagesAnalyzed", a.packagesAnalyzed());
    strings("notes", a.notes());
    g.writeNumberField("resourcesAnalyzed", a.resourcesAnalyzed());
    g.writeEndObject();
    g.writeObjectFieldStart("summary");
    for (Risk r : Risk.values()) g.writeNumberField(r.name().toLowerCase(java.util.Locale.ROOT), a.count(r));
    g.writeNumberField("cannotDetermine", a.undetermined().size());
    g.writeNumberField("maturity", a.maturity());
    g.writeStringField("maturityReason", a.maturityReason());
    g.writeEndObject();
    g.writeArrayFieldStart("scorecard");
    for (Assessment.DomainScore d : a.scorecard()) {
      g.writeStartObject();
      g.writeStringField("domain", d.domain().title);
      g.writeNumberField("score", d.score());
      g.writeStringField("strength", d.strength());
      g.writeStringField("gap", d.gap());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("findings");
    for (Assessment.NumberedFinding nf : a.findings()) finding(nf);
    g.writeEndArray();
    g.writeArrayFieldStart("strengths");
    for (Strength s : a.strengths()) {
      g.writeStartObject();
      g.writeStringField("title", s.title());
      g.writeStringField("domain", s.domain().title);
      evidence(s.evidence());
      strings("bestPractices", s.bestPractices());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("cannotDetermine");
    for (Undetermined u : a.undetermined()) {
      g.writeStartObject();
      g.writeStringField("rule", u.rule().id());
      nullable("flag", u.rule().flag());
      g.writeStringField("resource", u.resource());
      g.writeStringField("reason", u.reason());
      evidence(u.evidence());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("spofs");
    for (Assessment.SpofRow r : a.spofs()) {
      g.writeStartObject();
      g.writeStringField("component", r.component());
      g.writeStringField("type", r.type());
      evidence(r.evidence());
      g.writeStringField("redundancy", r.redundancy());
      g.writeStringField("blastRadius", r.blastRadius());
      g.writeStringField("failover", r.failover());
      g.writeStringField("risk", r.risk().title);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("recovery");
    for (Assessment.RecoveryRow r : a.recovery()) {
      g.writeStartObject();
      g.writeStringField("resource", r.resource());
      g.writeStringField("type", r.type());
      evidence(r.evidence());
      g.writeStringField("backup", r.backup());
      g.writeStringField("frequency", r.frequency());
      g.writeStringField("retention", r.retention());
      g.writeStringField("rpo", r.rpo());
      g.writeStringField("rto", r.rto());
      g.writeStringField("crossRegion", r.crossRegion());
      g.writeStringField("recoveryTested", r.tested());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("integrations");
    for (Assessment.IntegrationRow r : a.integrations()) {
      g.writeStartObject();
      g.writeStringField("integration", r.integration());
      g.writeStringField("file", r.evidence().get(0).file());
      g.writeNumberField("line", r.evidence().get(0).line());
      g.writeStringField("kind", r.kind());
      g.writeStringField("client", r.client());
      nullable("target", r.target());
      evidence(r.evidence());
      g.writeStringField("timeout", r.timeout());
      g.writeStringField("retry", r.retry());
      g.writeStringField("circuitBreaker", r.circuitBreaker());
      g.writeStringField("fallback", r.fallback());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("waQuestions");
    for (Assessment.WaQuestion q : a.waQuestions()) {
      g.writeStartObject();
      g.writeStringField("id", q.id());
      g.writeStringField("question", q.question());
      g.writeStringField("status", q.status());
      evidence(q.evidence());
      strings("gaps", q.gaps());
      g.writeStringField("risk", q.risk());
      strings("bestPractices", q.bestPractices());
      g.writeStringField("decidingEvidence", q.decidingEvidence());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeObjectFieldStart("plan");
    for (Tier t : Tier.values()) {
      g.writeArrayFieldStart(switch (t) {
        case QUICK_WIN -> "quickWins";
        case FOUNDATION -> "foundation";
        case STRATEGIC -> "strategic";
      });
      for (Assessment.Action x : a.plan()) if (x.tier() == t) action(x);
      g.writeEndArray();
    }
    g.writeEndObject();
    g.writeArrayFieldStart("testingPlan");
    for (Assessment.TestRow r : a.testingPlan()) {
      g.writeStartObject();
      g.writeStringField("test", r.test());
      g.writeStringField("validates", r.validates());
      g.writeStringField("frequency", r.frequency());
      g.writeStringField("awsService", r.awsService());
      g.writeBooleanField("evidenceExists", r.evidenceExists());
      g.writeStringField("evidence", r.evidence());
      g.writeEndObject();
    }
    g.writeEndArray();
    strings("nextSteps", a.nextSteps());
    strings("fixedSinceBaseline", a.fixedSinceBaseline());
    g.writeArrayFieldStart("skippedFiles");
    for (var s : a.skippedFiles()) {
      g.writeStartObject();
      g.writeStringField("file", s.file());
      g.writeStringField("reason", s.reason());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private void finding(Assessment.NumberedFinding nf) throws IOException {
    Finding f = nf.finding();
    g.writeStartObject();
    g.writeStringField("id", nf.id());
    g.writeStringField("rule", f.rule().id());
    nullable("flag", f.rule().flag());
    g.writeStringField("title", f.title());
    g.writeStringField("domain", f.rule().domain().title);
    g.writeStringField("resource", f.resource());
    evidence(f.evidence());
    g.writeStringField("impact", f.impact().title);
    g.writeStringField("impactReason", f.impactReason());
    g.writeStringField("likelihood", f.likelihood().title);
    g.writeStringField("likelihoodReason", f.likelihoodReason());
    g.writeStringField("risk", f.risk().title);
    g.writeStringField("description", f.description());
    g.writeStringField("recommendation", f.rule().remediation());
    g.writeStringField("effort", f.rule().effort());
    g.writeStringField("tier", f.rule().tier().title);
    strings("awsServices", f.rule().awsServices());
    strings("waQuestions", f.rule().waQuestions().stream().map(q -> "REL" + Integer.parseInt(q.substring(3))).toList());
    strings("bestPractices", f.rule().bestPractices());
    g.writeStringField("status", nf.status());
    g.writeEndObject();
  }

  private void action(Assessment.Action x) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", x.id());
    g.writeStringField("rule", x.rule());
    strings("findings", x.findings());
    g.writeStringField("title", x.title());
    g.writeStringField("action", x.action());
    g.writeStringField("impact", x.impact().title);
    g.writeStringField("effort", x.effort());
    strings("dependsOn", x.dependsOn());
    strings("awsServices", x.awsServices());
    g.writeEndObject();
  }

  private void evidence(List<Location> evidence) throws IOException {
    g.writeArrayFieldStart("evidence");
    for (Location l : evidence) {
      g.writeStartObject();
      g.writeStringField("file", l.file());
      g.writeNumberField("line", l.line());
      g.writeStringField("snippet", snippet.apply(l));
      g.writeEndObject();
    }
    g.writeEndArray();
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
