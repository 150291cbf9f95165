package dev.relplan.report;

import dev.relplan.assess.Assessment;
import dev.relplan.rules.Advice;
import dev.relplan.rules.Finding;
import dev.relplan.rules.Risk;
import dev.relplan.source.Location;
import dev.relplan.source.ScanRoots;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The assessment in a few kilobytes, for an agent's context window: counts by risk, maturity,
 * scorecard, coverage, the first findings (one line of advice each) and next steps. One builder for
 * {@code assess --format json --summary} and the MCP server's {@code assess} tool; the fields are
 * documented in README.md ("--summary"). Maps keep insertion order, so the output is deterministic.
 */
public final class Summary {
  /** How many findings --summary lists: the highest-risk first, as the report numbers them. */
  public static final int DEFAULT_FINDINGS = 10;

  private Summary() {}

  /** The summary document, listing at most {@code maxFindings} findings. */
  public static Map<String, Object> of(ReportInput input, int maxFindings) {
    Assessment a = input.assessment();
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("schemaVersion", "1");
    doc.put("kind", "summary");
    doc.put("tool", pair("name", "relplan", "version", input.toolVersion()));
    doc.put("workload", workload(a));
    doc.put("counts", counts(a));
    doc.put("maturity", pair("level", a.maturity(), "reason", a.maturityReason()));
    doc.put("scorecard", scorecard(a));
    doc.put("coverage", coverage(a));
    List<Object> findings = new ArrayList<>();
    for (Assessment.NumberedFinding nf : a.findings()) {
      if (findings.size() == maxFindings) break;
      findings.add(finding(nf, a.scanRoots()));
    }
    doc.put("findings", findings);
    doc.put("findingsNotListed", a.findings().size() - findings.size());
    doc.put("nextSteps", nextSteps(a));
    if (a.findings().stream().anyMatch(f -> f.status() != null))
      doc.put("fixedSinceBaseline", a.fixedSinceBaseline().size());
    return doc;
  }

  private static Map<String, Object> workload(Assessment a) {
    Map<String, Object> w = new LinkedHashMap<>();
    w.put("name", a.workload());
    w.put("environment", a.environment());
    w.put(
        "availabilityTarget",
        a.availabilityTarget() == null ? null : new BigDecimal(a.availabilityTarget()));
    w.put("rto", a.rto());
    w.put("rpo", a.rpo());
    w.put("resourcesAnalyzed", a.resourcesAnalyzed());
    return w;
  }

  private static Map<String, Object> counts(Assessment a) {
    Map<String, Object> c = new LinkedHashMap<>();
    for (Risk r : Risk.values()) c.put(r.name().toLowerCase(Locale.ROOT), a.count(r));
    c.put("cannotDetermine", a.undetermined().size());
    c.put("findings", a.findings().size());
    c.put("rootCauses", a.rootCauseCount());
    c.put("suppressed", a.suppressions().findings().size());
    return c;
  }

  private static List<Object> scorecard(Assessment a) {
    List<Object> out = new ArrayList<>();
    for (Assessment.DomainScore d : a.scorecard())
      out.add(pair("domain", d.domain().title, "score", d.score()));
    return out;
  }

  private static Map<String, Object> coverage(Assessment a) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("complete", a.coverage().complete());
    c.put("statement", a.coverage().statement());
    c.put("skippedFiles", a.skippedFiles().size());
    return c;
  }

  /** A finding in one screen line: what, where, how bad, and the first line of the fix. */
  private static Map<String, Object> finding(Assessment.NumberedFinding nf, ScanRoots roots) {
    Finding f = nf.finding();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", nf.id());
    m.put("fingerprint", nf.fingerprint());
    m.put("rule", f.rule().id());
    m.put("flag", f.flag());
    m.put("risk", f.risk().title);
    m.put("title", f.title());
    m.put("resource", f.resource());
    m.put("location", f.evidence().isEmpty() ? null : location(roots.rooted(f.evidence().get(0))));
    m.put("recommendation", firstLine(Advice.of(f).text()));
    if (nf.status() != null) m.put("status", nf.status());
    return m;
  }

  /** A root-relative place: {root, file, line}, root null when one path was scanned. */
  public static Map<String, Object> location(Location at) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("root", at.root());
    m.put("file", at.file());
    m.put("line", at.line());
    return m;
  }

  private static List<Object> nextSteps(Assessment a) {
    List<Object> out = new ArrayList<>();
    for (Assessment.NextStep s : a.nextSteps()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("action", s.action());
      m.put("title", s.title());
      m.put("findings", s.findings());
      out.add(m);
    }
    return out;
  }

  /** Two fields in this order (Map.of has none). */
  private static Map<String, Object> pair(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }

  private static String firstLine(String text) {
    return text == null ? null : text.strip().lines().findFirst().orElse("");
  }
}
