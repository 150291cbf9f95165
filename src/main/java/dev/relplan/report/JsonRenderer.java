package dev.relplan.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.relplan.assess.Assessment;
import dev.relplan.assess.Coverage;
import dev.relplan.assess.FindingIdentity;
import dev.relplan.model.CoverageGap;
import dev.relplan.model.Suppression;
import dev.relplan.rules.Advice;
import dev.relplan.rules.Finding;
import dev.relplan.rules.Risk;
import dev.relplan.rules.Strength;
import dev.relplan.rules.Tier;
import dev.relplan.rules.Undetermined;
import dev.relplan.source.Location;
import dev.relplan.source.ScanRoots;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The plan as JSON (SPEC §4). Field order is fixed so output is byte-identical for the same input.
 */
public final class JsonRenderer implements Renderer {
  @Override
  public String format() {
    return "json";
  }

  @Override
  public String extension() {
    return "json";
  }

  @Override
  public void render(ReportInput input, Writer out) throws IOException {
    Assessment a = input.assessment();
    Function<Location, String> snippet = input.snippets();
    PrettyJson.write(
        g -> new Report(g, a, snippet).write(input.toolVersion(), input.givenDate()), out);
  }

  /** The same report on one line, as the HTML dashboard embeds it. */
  static void renderCompact(ReportInput input, Writer out) throws IOException {
    Assessment a = input.assessment();
    Function<Location, String> snippet = input.snippets();
    PrettyJson.writeCompact(
        g -> new Report(g, a, snippet).write(input.toolVersion(), input.givenDate()), out);
  }

  /**
   * The JSON report of one assessment; {@code snippet} quotes the source line of each evidence
   * location.
   */
  public static String render(Assessment a, String version, Function<Location, String> snippet) {
    return render(a, version, snippet, null);
  }

  /** The JSON report of one assessment, with the date the plan is for when one was given. */
  public static String render(
      Assessment a, String version, Function<Location, String> snippet, String date) {
    return PrettyJson.write(g -> new Report(g, a, snippet).write(version, date));
  }

  /** One report being written: one method per top-level field, in the order they appear. */
  private static final class Report {
    private final JsonGenerator g;
    private final Assessment a;
    private final Function<Location, String> snippet;
    private final ScanRoots roots;

    Report(JsonGenerator g, Assessment a, Function<Location, String> snippet) {
      this.g = g;
      this.a = a;
      this.snippet = snippet;
      this.roots = a.scanRoots();
    }

    void write(String version, String date) throws IOException {
      g.writeStartObject();
      g.writeStringField("schemaVersion", "1");
      tool(version);
      if (date != null) g.writeStringField("date", date);
      workload();
      strings("roots", roots.labels());
      summary();
      scorecard();
      findings();
      suppressed();
      suppressions("expiredSuppressions", a.suppressions().expired());
      suppressions("ignoredSuppressions", a.suppressions().ignored());
      strengths();
      cannotDetermine();
      spofs();
      recovery();
      integrations();
      waQuestions();
      plan();
      testingPlan();
      nextSteps();
      fixedSinceBaseline();
      skippedFiles();
      coverage();
      topology();
      g.writeEndObject();
    }

    /** The components and their links, for the dashboard's picture. */
    private void topology() throws IOException {
      g.writeObjectFieldStart("topology");
      g.writeArrayFieldStart("nodes");
      for (Assessment.TopologyNode n : a.topology().nodes()) {
        g.writeStartObject();
        g.writeStringField("id", n.id());
        g.writeStringField("name", n.name());
        g.writeStringField("type", n.type());
        g.writeStringField("kind", n.kind());
        g.writeStringField("role", n.role());
        g.writeBooleanField("spof", n.spof());
        nullable("redundancy", n.redundancy());
        Location at = roots.rooted(n.location());
        nullable("root", at.root());
        g.writeStringField("file", at.file());
        g.writeNumberField("line", at.line());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("edges");
      for (Assessment.TopologyEdge e : a.topology().edges()) {
        g.writeStartObject();
        g.writeStringField("from", e.from());
        g.writeStringField("to", e.to());
        g.writeStringField("kind", e.kind());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }

    /** What could not be read: modules, nested stacks and handler code, with cause and place. */
    private void coverage() throws IOException {
      Coverage c = a.coverage();
      g.writeObjectFieldStart("coverage");
      g.writeBooleanField("complete", c.complete());
      nullable("statement", c.statement());
      g.writeArrayFieldStart("gaps");
      for (CoverageGap gap : c.gaps()) {
        g.writeStartObject();
        g.writeStringField("kind", gap.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        g.writeStringField("subject", gap.subject());
        g.writeStringField("cause", gap.cause().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        g.writeStringField("reason", gap.reason());
        g.writeStringField("file", gap.location().file());
        g.writeNumberField("line", gap.location().line());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }

    private void tool(String version) throws IOException {
      g.writeObjectFieldStart("tool");
      g.writeStringField("name", "relplan");
      g.writeStringField("version", version);
      g.writeEndObject();
    }

    private void workload() throws IOException {
      g.writeObjectFieldStart("workload");
      g.writeStringField("name", a.workload());
      nullable("tier", a.tier());
      nullable("environment", a.environment());
      if (a.availabilityTarget() == null) g.writeNullField("availabilityTarget");
      else g.writeNumberField("availabilityTarget", new BigDecimal(a.availabilityTarget()));
      nullable("rto", a.rto());
      nullable("rpo", a.rpo());
      strings("packagesAnalyzed", a.packagesAnalyzed());
      strings("notes", a.notes());
      g.writeNumberField("resourcesAnalyzed", a.resourcesAnalyzed());
      g.writeEndObject();
    }

    private void summary() throws IOException {
      g.writeObjectFieldStart("summary");
      for (Risk r : Risk.values())
        g.writeNumberField(r.name().toLowerCase(Locale.ROOT), a.count(r));
      g.writeNumberField("cannotDetermine", a.undetermined().size());
      g.writeNumberField("findings", a.findings().size());
      g.writeNumberField("rootCauses", a.rootCauseCount());
      g.writeNumberField("maturity", a.maturity());
      g.writeStringField("maturityReason", a.maturityReason());
      g.writeEndObject();
    }

    private void scorecard() throws IOException {
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
    }

    private void findings() throws IOException {
      g.writeArrayFieldStart("findings");
      for (Assessment.NumberedFinding nf : a.findings()) finding(nf);
      g.writeEndArray();
    }

    /** The findings set apart by a suppression, each as in findings with the suppression. */
    private void suppressed() throws IOException {
      g.writeArrayFieldStart("suppressed");
      for (Assessment.SuppressedFinding s : a.suppressions().findings()) {
        g.writeStartObject();
        findingFields(s.finding());
        g.writeFieldName("suppression");
        suppression(s.suppression());
        g.writeEndObject();
      }
      g.writeEndArray();
    }

    private void suppressions(String field, List<Suppression> list) throws IOException {
      g.writeArrayFieldStart(field);
      for (Suppression s : list) suppression(s);
      g.writeEndArray();
    }

    /** A suppression: what it names, why, until when, where it is written. */
    private void suppression(Suppression s) throws IOException {
      g.writeStartObject();
      g.writeStringField("id", s.id());
      g.writeStringField("reason", s.reason());
      nullable("until", s.until() == null ? null : s.until().toString());
      g.writeStringField("source", s.source().word());
      Location at = roots.rooted(s.location());
      nullable("root", at.root());
      g.writeStringField("file", at.file());
      g.writeNumberField("line", at.line());
      g.writeEndObject();
    }

    private void finding(Assessment.NumberedFinding nf) throws IOException {
      g.writeStartObject();
      findingFields(nf);
      g.writeEndObject();
    }

    private void findingFields(Assessment.NumberedFinding nf) throws IOException {
      Finding f = nf.finding();
      g.writeStringField("id", nf.id());
      g.writeStringField("fingerprint", nf.fingerprint());
      g.writeStringField("rule", f.rule().id());
      nullable("flag", f.flag());
      g.writeStringField("title", f.title());
      g.writeStringField("domain", f.rule().domain().title);
      g.writeStringField("resource", f.resource());
      nullable("resourceType", FindingIdentity.resourceType(f));
      g.writeStringField("address", FindingIdentity.address(f, roots));
      nullable("rootCause", a.rootCauseFingerprint(nf.id()));
      nullable("root", f.evidence().isEmpty() ? null : roots.rooted(f.evidence().get(0)).root());
      evidence(f.evidence());
      g.writeStringField("impact", f.impact().title);
      g.writeStringField("impactReason", f.impactReason());
      g.writeStringField("likelihood", f.likelihood().title);
      g.writeStringField("likelihoodReason", f.likelihoodReason());
      g.writeStringField("risk", f.risk().title);
      g.writeStringField("description", f.description());
      Advice advice = Advice.of(f);
      g.writeStringField("recommendation", advice.text());
      nullable("fixSnippet", advice.snippet());
      nullable("fixLanguage", advice.language());
      g.writeStringField("effort", advice.effort());
      g.writeStringField("tier", f.rule().tier().title);
      strings("awsServices", advice.services());
      strings(
          "waQuestions",
          f.rule().waQuestions().stream()
              .map(q -> "REL" + Integer.parseInt(q.substring(3)))
              .toList());
      strings("bestPractices", f.rule().bestPractices());
      if (nf.status() != null) g.writeStringField("status", nf.status());
    }

    private void strengths() throws IOException {
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
    }

    private void cannotDetermine() throws IOException {
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
    }

    private void spofs() throws IOException {
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
    }

    private void recovery() throws IOException {
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
    }

    private void integrations() throws IOException {
      g.writeArrayFieldStart("integrations");
      for (Assessment.IntegrationRow r : a.integrations()) {
        g.writeStartObject();
        g.writeStringField("integration", r.integration());
        Location at = roots.rooted(r.evidence().get(0));
        nullable("root", at.root());
        g.writeStringField("file", at.file());
        g.writeNumberField("line", at.line());
        g.writeStringField("kind", r.kind());
        g.writeStringField("client", r.client());
        nullable("target", r.target());
        evidence(r.evidence());
        g.writeStringField("timeout", r.timeout());
        g.writeStringField("retry", r.retry());
        g.writeStringField("circuitBreaker", r.circuitBreaker());
        g.writeStringField("fallback", r.fallback());
        number("attemptSeconds", r.attemptSeconds());
        if (r.attempts() == null) g.writeNullField("attempts");
        else g.writeNumberField("attempts", r.attempts());
        number("worstCaseSeconds", r.worstCaseSeconds());
        g.writeStringField("waitNote", r.waitNote());
        number("budgetSeconds", r.budgetSeconds());
        g.writeStringField("budget", r.budget());
        g.writeEndObject();
      }
      g.writeEndArray();
    }

    private void waQuestions() throws IOException {
      g.writeArrayFieldStart("waQuestions");
      for (Assessment.WaQuestion q : a.waQuestions()) {
        g.writeStartObject();
        g.writeStringField("id", q.id());
        g.writeStringField("question", q.question());
        g.writeStringField("status", q.status());
        evidence(q.evidence());
        gaps(q.gaps());
        g.writeStringField("risk", q.risk());
        strings("bestPractices", q.bestPractices());
        g.writeStringField("decidingEvidence", q.decidingEvidence());
        g.writeEndObject();
      }
      g.writeEndArray();
    }

    private void plan() throws IOException {
      g.writeObjectFieldStart("plan");
      for (Tier t : Tier.values()) {
        g.writeArrayFieldStart(
            switch (t) {
              case QUICK_WIN -> "quickWins";
              case FOUNDATION -> "foundation";
              case STRATEGIC -> "strategic";
            });
        for (Assessment.Action x : a.plan()) if (x.tier() == t) action(x);
        g.writeEndArray();
      }
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

    private void testingPlan() throws IOException {
      g.writeArrayFieldStart("testingPlan");
      for (Assessment.TestRow r : a.testingPlan()) {
        g.writeStartObject();
        g.writeStringField("test", r.test());
        g.writeStringField("validates", r.validates());
        g.writeStringField("frequency", r.frequency());
        g.writeStringField("awsService", r.awsService());
        g.writeBooleanField("evidenceExists", r.evidenceExists());
        evidence(r.evidence());
        g.writeEndObject();
      }
      g.writeEndArray();
    }

    private void skippedFiles() throws IOException {
      g.writeArrayFieldStart("skippedFiles");
      for (var s : a.skippedFiles()) {
        g.writeStartObject();
        Location at = roots.rooted(s.file());
        nullable("root", at.root());
        g.writeStringField("file", at.file());
        g.writeStringField("reason", s.reason());
        g.writeEndObject();
      }
      g.writeEndArray();
    }

    private void evidence(List<Location> evidence) throws IOException {
      g.writeArrayFieldStart("evidence");
      for (Location l : evidence) {
        g.writeStartObject();
        Location at = roots.rooted(l);
        nullable("root", at.root());
        g.writeStringField("file", at.file());
        g.writeNumberField("line", at.line());
        g.writeStringField("snippet", snippet.apply(l));
        g.writeEndObject();
      }
      g.writeEndArray();
    }

    /** This week's steps: the action, its findings and where each is. */
    private void nextSteps() throws IOException {
      g.writeArrayFieldStart("nextSteps");
      for (Assessment.NextStep step : a.nextSteps()) {
        g.writeStartObject();
        g.writeStringField("action", step.action());
        g.writeStringField("title", step.title());
        g.writeStringField("text", step.text());
        strings("findings", step.findings());
        evidence(step.evidence());
        g.writeEndObject();
      }
      g.writeEndArray();
    }

    /** A question's gaps: each a finding (id, fingerprint) or a Cannot Determine item. */
    private void gaps(List<Assessment.Gap> gaps) throws IOException {
      g.writeArrayFieldStart("gaps");
      for (Assessment.Gap gap : gaps) {
        g.writeStartObject();
        nullable("finding", gap.finding());
        nullable("fingerprint", gap.fingerprint());
        g.writeStringField("rule", gap.rule());
        g.writeStringField("resource", gap.resource());
        g.writeStringField("text", gap.text());
        evidence(gap.evidence());
        g.writeEndObject();
      }
      g.writeEndArray();
    }

    /** The baseline's findings that are gone, as the baseline report described them. */
    private void fixedSinceBaseline() throws IOException {
      g.writeArrayFieldStart("fixedSinceBaseline");
      for (Assessment.PastFinding p : a.fixedSinceBaseline()) {
        g.writeStartObject();
        g.writeStringField("id", p.id());
        nullable("fingerprint", p.fingerprint());
        g.writeStringField("rule", p.rule());
        g.writeStringField("title", p.title());
        g.writeStringField("resource", p.resource());
        nullable("resourceType", p.resourceType());
        if (p.location() == null) g.writeNullField("location");
        else {
          g.writeObjectFieldStart("location");
          nullable("root", p.location().root());
          g.writeStringField("file", p.location().file());
          g.writeNumberField("line", p.location().line());
          g.writeEndObject();
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    }

    private void strings(String name, List<String> values) throws IOException {
      g.writeArrayFieldStart(name);
      for (String v : values) g.writeString(v);
      g.writeEndArray();
    }

    /** Seconds as a plain number (29, not 29.0), or null. */
    private void number(String name, Double value) throws IOException {
      if (value == null) g.writeNullField(name);
      else if (value == Math.rint(value)) g.writeNumberField(name, value.longValue());
      else g.writeNumberField(name, value);
    }

    private void nullable(String name, String value) throws IOException {
      if (value == null) g.writeNullField(name);
      else g.writeStringField(name, value);
    }
  }
}
