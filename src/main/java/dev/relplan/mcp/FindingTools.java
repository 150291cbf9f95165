package dev.relplan.mcp;

import dev.relplan.assess.Assessment;
import dev.relplan.generate.FixesGenerator;
import dev.relplan.generate.GenerateInput;
import dev.relplan.generate.GeneratedFile;
import dev.relplan.generate.Generation;
import dev.relplan.generate.SourceTexts;
import dev.relplan.report.Summary;
import dev.relplan.rules.Advice;
import dev.relplan.rules.Finding;
import dev.relplan.source.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** show_finding and generate_fix: one finding of the last assessment, in depth. */
final class FindingTools {
  /** At most this many lines either side of an evidence line. */
  private static final int MAX_CONTEXT = 20;

  private FindingTools() {}

  static Map<String, Object> show(LastAssessment last, String finding, int contextLines) {
    if (contextLines < 0 || contextLines > MAX_CONTEXT)
      throw new ToolError("contextLines must be between 0 and " + MAX_CONTEXT);
    Assessment.NumberedFinding nf = last.finding(finding);
    Finding f = nf.finding();
    Advice advice = Advice.of(f);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", nf.id());
    m.put("fingerprint", nf.fingerprint());
    m.put("rule", f.rule().id());
    m.put("flag", f.flag());
    m.put("risk", f.risk().title);
    m.put("title", f.title());
    m.put("resource", f.resource());
    m.put("description", f.description());
    m.put("impactReason", f.impactReason());
    m.put("likelihoodReason", f.likelihoodReason());
    m.put("recommendation", advice.text());
    m.put("fixSnippet", advice.snippet());
    m.put("fixLanguage", advice.language());
    m.put("effort", advice.effort());
    SourceTexts texts = last.texts();
    List<Object> evidence = new ArrayList<>();
    for (Location at : f.evidence())
      evidence.add(evidence(at, last.assessment(), texts, contextLines));
    m.put("evidence", evidence);
    return m;
  }

  /** A place with the source lines around it, read from the scanned file. */
  private static Map<String, Object> evidence(
      Location at, Assessment a, SourceTexts texts, int context) {
    Map<String, Object> m = Summary.location(a.scanRoots().rooted(at));
    List<Object> lines = new ArrayList<>();
    List<String> text = lines(texts.path(at.file()));
    int from = Math.max(1, at.line() - context);
    int to = Math.min(text.size(), at.line() + context);
    for (int n = from; n <= to && at.line() > 0; n++) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("line", n);
      line.put("text", text.get(n - 1));
      lines.add(line);
    }
    m.put("source", lines);
    return m;
  }

  /** The file's lines, none when it cannot be read again (moved, deleted, not UTF-8). */
  private static List<String> lines(Path file) {
    if (file == null) return List.of();
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return List.of();
    }
  }

  private static String noFix(Assessment.NumberedFinding nf) {
    return nf.id()
        + ": relplan generates no patch for "
        + nf.finding().rule().id()
        + " ("
        + nf.finding().risk().title
        + ") yet: follow the recommendation (show_finding)";
  }

  /** The fix generator's output for this finding alone. */
  static Map<String, Object> fix(LastAssessment last, String finding) {
    Assessment.NumberedFinding nf = last.finding(finding);
    Generation g =
        FixesGenerator.generate(
            new GenerateInput(
                last.assessment().withFindings(List.of(nf)),
                last.result().workload(),
                last.texts()));
    List<Object> files = new ArrayList<>();
    for (GeneratedFile file : g.files()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("path", file.path());
      m.put("content", file.content());
      files.add(m);
    }
    boolean patched = g.files().stream().anyMatch(file -> file.path().endsWith(".patch"));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("finding", nf.id());
    m.put("generated", patched);
    m.put("files", files);
    m.put("notes", patched || !g.notes().isEmpty() ? g.notes() : List.of(noFix(nf)));
    return m;
  }
}
