package dev.relplan.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.relplan.assess.Assessment;
import dev.relplan.model.Suppression;
import dev.relplan.rules.Advice;
import dev.relplan.rules.Finding;
import dev.relplan.rules.Risk;
import dev.relplan.rules.Rule;
import dev.relplan.rules.RuleMeta;
import dev.relplan.source.Location;
import dev.relplan.source.ScanRoots;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Findings as SARIF 2.1.0, for code-scanning dashboards and pull-request annotations. Critical and
 * High risks are errors, Medium warnings, Low notes; the first evidence line is the location and
 * the other deciding lines are related locations. URIs are percent-encoded and relative to the scan
 * root the file belongs to, one {@code originalUriBaseIds} entry per root: {@code %SRCROOT%} when
 * one root was given, else each root's name. A finding about something absent has no line of its
 * own: it is anchored at line 1 of the repository's main file, the file the findings cite most (the
 * main template or configuration), else README.md, since code-scanning dashboards drop results
 * without a location.
 */
public final class SarifRenderer implements Renderer {
  /** The base every result URI is relative to when one root was scanned. */
  static final String SOURCE_ROOT = "%SRCROOT%";

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  @Override
  public String format() {
    return "sarif";
  }

  @Override
  public String extension() {
    return "sarif";
  }

  @Override
  public void render(ReportInput input, Writer out) throws IOException {
    Assessment a = input.assessment();
    PrettyJson.write(
        g -> new Log(g, a.scanRoots()).write(a, input.rules(), input.toolVersion()), out);
  }

  /**
   * The SARIF log of one assessment, describing every rule in {@code rules} and a result per
   * finding.
   */
  public static String render(Assessment a, List<Rule> rules, String version) {
    return PrettyJson.write(g -> new Log(g, a.scanRoots()).write(a, rules, version));
  }

  /** One SARIF log being written: the tool with its rules, then one result per finding. */
  private static final class Log {
    private final JsonGenerator g;

    /** Each rule's position in the tool's rule list, which results refer to. */
    private final Map<String, Integer> ruleIndex = new LinkedHashMap<>();

    /** Where findings about something absent are shown. */
    private Location anchor;

    private final ScanRoots roots;

    Log(JsonGenerator g, ScanRoots roots) {
      this.g = g;
      this.roots = roots;
    }

    void write(Assessment a, List<Rule> rules, String version) throws IOException {
      g.writeStartObject();
      g.writeStringField("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
      g.writeStringField("version", "2.1.0");
      g.writeArrayFieldStart("runs");
      g.writeStartObject();
      tool(rules, version);
      anchor = new Location(mainFile(a), 1);
      uriBaseIds();
      g.writeArrayFieldStart("results");
      for (Assessment.NumberedFinding nf : a.findings()) result(nf, null);
      for (Assessment.SuppressedFinding sf : a.suppressions().findings())
        result(sf.finding(), sf.suppression());
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
    }

    /** One base per scan root: every uri is relative to the root its file came from. */
    private void uriBaseIds() throws IOException {
      g.writeObjectFieldStart("originalUriBaseIds");
      for (String root : roots.labels()) {
        g.writeObjectFieldStart(uriBaseId(root));
        g.writeObjectFieldStart("description");
        g.writeStringField(
            "text",
            roots.several()
                ? "The scanned path " + root + ": every uri with this base is relative to it."
                : "The scanned directory (PATH): every uri is relative to it.");
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndObject();
    }

    private String uriBaseId(String root) {
      return roots.several() ? root : SOURCE_ROOT;
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

    /** A finding; a suppressed one carries its suppression, as code-scanning tools expect. */
    private void result(Assessment.NumberedFinding nf, Suppression suppression) throws IOException {
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
      g.writeStringField("relplanFinding/v2", nf.fingerprint());
      g.writeEndObject();
      g.writeObjectFieldStart("properties");
      g.writeStringField("risk", nf.risk().title);
      g.writeStringField("impact", f.impact().title);
      g.writeStringField("likelihood", f.likelihood().title);
      g.writeStringField("resource", f.resource());
      Advice advice = Advice.of(f);
      g.writeStringField("recommendation", advice.text());
      if (advice.hasSnippet()) {
        g.writeStringField("fixSnippet", advice.snippet());
        g.writeStringField("fixLanguage", advice.language());
      }
      g.writeEndObject();
      if (suppression != null) suppressions(suppression);
      g.writeEndObject();
    }

    /**
     * SARIF's suppressions: inSource for one written in the scanned files (with where), external
     * for relplan.yaml's; the reason is the justification.
     */
    private void suppressions(Suppression s) throws IOException {
      g.writeArrayFieldStart("suppressions");
      g.writeStartObject();
      boolean inline = s.source() == Suppression.Source.INLINE;
      g.writeStringField("kind", inline ? "inSource" : "external");
      g.writeStringField("status", "accepted");
      g.writeStringField(
          "justification", s.reason() + (s.until() == null ? "" : " (until " + s.until() + ")"));
      if (inline) {
        g.writeFieldName("location");
        location(s.location(), -1);
      }
      g.writeEndObject();
      g.writeEndArray();
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
      g.writeArrayFieldStart("locations");
      if (evidence.isEmpty()) {
        location(anchor, -1);
        g.writeEndArray();
        return;
      }
      location(evidence.get(0), -1);
      g.writeEndArray();
      if (evidence.size() > 1) {
        g.writeArrayFieldStart("relatedLocations");
        for (int i = 1; i < evidence.size(); i++) location(evidence.get(i), i);
        g.writeEndArray();
      }
    }

    private void location(Location scanned, int id) throws IOException {
      Location l = roots.rooted(scanned);
      g.writeStartObject();
      if (id >= 0) g.writeNumberField("id", id);
      g.writeObjectFieldStart("physicalLocation");
      g.writeObjectFieldStart("artifactLocation");
      g.writeStringField("uri", percentEncoded(l.file()));
      if (l.root() != null) g.writeStringField("uriBaseId", uriBaseId(l.root()));
      g.writeEndObject();
      g.writeObjectFieldStart("region");
      g.writeNumberField("startLine", l.line());
      g.writeEndObject();
      g.writeEndObject();
      g.writeEndObject();
    }
  }

  /** The file the findings cite most, ties to the first by name; README.md when none cites one. */
  private static String mainFile(Assessment a) {
    Map<String, Integer> citations = new TreeMap<>();
    for (Assessment.NumberedFinding nf : a.findings())
      for (Location l : nf.finding().evidence()) citations.merge(l.file(), 1, Integer::sum);
    String main = "README.md";
    int most = 0;
    for (Map.Entry<String, Integer> e : citations.entrySet()) {
      if (e.getValue() > most) {
        main = e.getKey();
        most = e.getValue();
      }
    }
    return main;
  }

  /** A relative URI reference: each byte outside the unreserved set and / as %XX. */
  static String percentEncoded(String path) {
    StringBuilder out = new StringBuilder();
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "-._~/".indexOf(c) >= 0) out.append(c);
      else out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
    }
    return out.toString();
  }
}
