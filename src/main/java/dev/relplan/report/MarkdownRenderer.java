package dev.relplan.report;

import dev.relplan.assess.Assessment;
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
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The plan in the section structure of the reliability-improvement-plan template (Step 9), then
 * appendices.
 */
public final class MarkdownRenderer implements Renderer {
  @Override
  public String format() {
    return "md";
  }

  @Override
  public String extension() {
    return "md";
  }

  @Override
  public void render(ReportInput input, Writer out) throws IOException {
    write(input.assessment(), input.date(), out);
  }

  /** The plan of one assessment, with {@code date} as its date line. */
  public static String render(Assessment a, String date) {
    return Renderer.asText(out -> write(a, date, out));
  }

  /** Streams the plan of one assessment to {@code out}, which stays open. */
  static void write(Assessment a, String date, Writer out) throws IOException {
    try {
      new Plan(a, out).write(date);
    } catch (UncheckedIOException e) {
      // The sections write through line(), which cannot throw a checked exception.
      throw e.getCause();
    }
  }

  /** One plan being written: one method per section, in the order they appear. */
  private static final class Plan {
    private final Assessment a;
    private final Writer out;

    /** Files are shown relative to their root, named when several were scanned. */
    private final ScanRoots roots;

    Plan(Assessment a, Writer out) {
      this.a = a;
      this.out = out;
      this.roots = a.scanRoots();
    }

    void write(String date) {
      line("# Reliability Improvement Plan: " + esc(a.workload()));
      line("");
      coverageStatement();
      executiveSummary(date);
      strengths();
      scorecard();
      singlePointsOfFailure();
      criticalAndHighFindings();
      mediumAndLowFindings();
      remediationPlan();
      testingPlan();
      nextSteps();
      wellArchitectedQuestions();
      recoveryCapabilities();
      cannotDetermine();
      analysisCoverage();
      integrations();
      followUp();
      suppressedFindings();
    }

    /**
     * After the plan's own sections, only when there is any: the findings suppressions set apart,
     * the suppressions past their date and those ignored by --ignore-inline-suppressions.
     */
    private void suppressedFindings() {
      Assessment.Suppressions s = a.suppressions();
      if (s.isEmpty()) return;
      line("");
      line("## Suppressed Findings");
      line(
          "Accepted by a suppression (docs/suppressions.md); not counted in the summary, scorecard,"
              + " plan or --fail-on.");
      line("");
      if (s.findings().isEmpty()) {
        line("- None.");
      } else {
        line("| ID | Rule | Resource | File:Line | Reason | Until | Suppressed By |");
        line("|----|------|----------|-----------|--------|-------|---------------|");
        for (Assessment.SuppressedFinding f : s.findings()) {
          Suppression by = f.suppression();
          line(
              "| "
                  + f.finding().id()
                  + " | "
                  + f.finding().finding().rule().id()
                  + " | "
                  + esc(f.finding().finding().resource())
                  + " | "
                  + firstLocation(f.finding().finding().evidence())
                  + " | "
                  + esc(by.reason())
                  + " | "
                  + (by.until() == null ? "—" : by.until().toString())
                  + " | "
                  + writtenAt(by)
                  + " |");
        }
      }
      suppressionList(
          "Expired suppressions (past their until date: no longer applied, their findings are"
              + " reported above)",
          s.expired());
      suppressionList(
          "Ignored inline suppressions (--ignore-inline-suppressions: only relplan.yaml's apply)",
          s.ignored());
    }

    private void suppressionList(String title, List<Suppression> list) {
      if (list.isEmpty()) return;
      line("");
      line("### " + title);
      line("");
      line("| Rule or Flag | Reason | Until | Written At |");
      line("|--------------|--------|-------|------------|");
      for (Suppression x : list)
        line(
            "| "
                + esc(x.id())
                + " | "
                + esc(x.reason())
                + " | "
                + (x.until() == null ? "—" : x.until().toString())
                + " | "
                + writtenAt(x)
                + " |");
    }

    /** Where a finding is: its first evidence line. */
    private String firstLocation(List<Location> evidence) {
      return locs(evidence.isEmpty() ? evidence : evidence.subList(0, 1), 1);
    }

    /** "inline, template.yaml:12" or "config, relplan.yaml:7". */
    private String writtenAt(Suppression x) {
      return x.source().word() + ", `" + codeText(roots.shown(x.location())) + "`";
    }

    /** Incomplete coverage is said before anything else, so no result reads as clean. */
    private void coverageStatement() {
      if (a.coverage().complete()) return;
      line("**" + esc(a.coverage().statement()) + "**");
      line("");
    }

    private void executiveSummary(String date) {
      line("## Executive Summary");
      line("- **Date**: " + date);
      if (a.tier() != null) line("- **Business Tier**: " + a.tier());
      if (a.environment() != null)
        line("- **Environment**: " + a.environment() + " (relplan.yaml, `--environment`)");
      line(
          "- **Availability Target**: "
              + (a.availabilityTarget() == null
                  ? "not stated (use --target)"
                  : a.availabilityTarget() + "%"));
      if (a.rto() != null || a.rpo() != null) {
        line("- **Recovery Objectives**: RTO " + orDash(a.rto()) + ", RPO " + orDash(a.rpo()));
      }
      line("- **Packages Analyzed**: " + esc(String.join(", ", a.packagesAnalyzed())));
      line(
          "- **Findings**: "
              + a.count(Risk.CRITICAL)
              + " Critical, "
              + a.count(Risk.HIGH)
              + " High, "
              + a.count(Risk.MEDIUM)
              + " Medium, "
              + a.count(Risk.LOW)
              + " Low"
              + (a.rootCauseCount() < a.findings().size()
                  ? " — "
                      + a.findings().size()
                      + " findings from "
                      + a.rootCauseCount()
                      + " root causes"
                  : "")
              + (a.undetermined().isEmpty()
                  ? ""
                  : " (" + a.undetermined().size() + " Cannot Determine)"));
      if (a.findings().stream().anyMatch(f -> "unchanged".equals(f.status()))
          || !a.fixedSinceBaseline().isEmpty()) {
        long fresh = a.findings().stream().filter(f -> "new".equals(f.status())).count();
        line(
            "- **Since Baseline**: "
                + fresh
                + " new, "
                + (a.findings().size() - fresh)
                + " unchanged, "
                + a.fixedSinceBaseline().size()
                + " fixed");
      }
      line("- **Overall Reliability Maturity**: " + a.maturity() + " — " + a.maturityReason());
      if (!a.suppressions().findings().isEmpty())
        line(
            "- **Suppressed**: "
                + a.suppressions().findings().size()
                + (a.suppressions().findings().size() == 1 ? " finding" : " findings")
                + " accepted by a suppression, not counted above (see Suppressed Findings)");
      for (String n : a.notes()) line("- **Note**: " + esc(n));
      line("");
    }

    private void strengths() {
      line("### Existing Reliability Strengths");
      if (a.strengths().isEmpty()) line("- None found in the scanned files.");
      for (Strength s : a.strengths())
        line("- **" + s.domain().title + "**: " + esc(s.title()) + cite(s.evidence(), 4));
      line("");
    }

    private void scorecard() {
      line("## Reliability Scorecard");
      line("| Domain | Score (1-5) | Key Strength | Key Gap |");
      line("|--------|-------------|--------------|---------|");
      for (Assessment.DomainScore d : a.scorecard()) {
        line(
            "| "
                + d.domain().title
                + " | "
                + d.score()
                + " | "
                + esc(d.strength())
                + " | "
                + esc(d.gap())
                + " |");
      }
      line("");
    }

    private void singlePointsOfFailure() {
      line("## Single Points of Failure");
      line("| Component | Evidence | Failure Impact | Current Mitigation | Risk Level |");
      line("|-----------|----------|---------------|-------------------|------------|");
      for (Assessment.SpofRow r : a.spofs()) {
        line(
            "| "
                + esc(r.component())
                + " ("
                + r.type()
                + ") | "
                + esc(locs(r.evidence(), 2))
                + " | "
                + esc(r.blastRadius())
                + " | "
                + esc(r.redundancy() + "; failover: " + r.failover())
                + " | "
                + r.risk().title
                + " |");
      }
      line("");
    }

    private void criticalAndHighFindings() {
      line("## Critical and High Risk Findings");
      boolean any = false;
      for (Assessment.NumberedFinding nf : a.findings()) {
        if (!nf.risk().atLeast(Risk.HIGH)) continue;
        any = true;
        detailedFinding(nf);
      }
      if (!any) line("None.");
      line("");
    }

    /** The findings a primary finding's cause also explains, or the primary of a related one. */
    private void rootCause(Assessment.NumberedFinding nf) {
      Assessment.RootCause c = a.rootCauseOf(nf.id());
      if (c == null) return;
      if (c.primary().equals(nf.id())) {
        List<String> related = new ArrayList<>();
        for (String id : c.related())
          a.findings().stream()
              .filter(f -> f.id().equals(id))
              .findFirst()
              .ifPresent(
                  f ->
                      related.add(
                          id
                              + (f.finding().flag() == null
                                  ? " (" + f.finding().rule().id() + ")"
                                  : " (" + f.finding().flag() + ")")));
        line(
            "- **Same root cause** ("
                + c.cause()
                + "): "
                + String.join(", ", related)
                + " — fixed by the same action");
      } else {
        line("- **Root cause**: " + c.primary() + " (" + c.cause() + "); fixed by its action");
      }
    }

    private void detailedFinding(Assessment.NumberedFinding nf) {
      Finding f = nf.finding();
      line("");
      line(
          "### "
              + nf.id()
              + " ["
              + nf.risk().title
              + "] "
              + esc(f.title())
              + ("unchanged".equals(nf.status()) ? " (unchanged since baseline)" : ""));
      line(
          "- **Domain**: "
              + f.rule().domain().title
              + (f.flag() == null ? "" : " · **Flag**: " + f.flag())
              + " · **Rule**: "
              + f.rule().id());
      rootCause(nf);
      line("- **Description**: " + esc(f.description()));
      line(
          "- **Evidence**: "
              + (f.evidence().isEmpty()
                  ? "none in the repository (absence finding)"
                  : locs(f.evidence(), 8)));
      line(
          "- **Impact assessment**: Impact "
              + f.impact().title
              + " — "
              + esc(f.impactReason())
              + " Likelihood "
              + f.likelihood().title
              + " — "
              + esc(f.likelihoodReason()));
      Advice advice = Advice.of(f);
      line("- **Recommendation**: " + esc(advice.text()));
      if (advice.hasSnippet()) {
        // Indented under the list item so the block belongs to the recommendation.
        line("  ```" + advice.language());
        for (String snippetLine : advice.snippet().split("\n")) line("  " + snippetLine);
        line("  ```");
      }
      line("- **Effort**: " + advice.effort());
      line(
          "- **AWS Services**: "
              + (advice.services().isEmpty()
                  ? "None (application code change)"
                  : String.join(", ", advice.services())));
      line("- **Well-Architected**: " + String.join(", ", f.rule().bestPractices()));
    }

    private void mediumAndLowFindings() {
      line("## Medium and Low Risk Findings");
      boolean any = false;
      for (Assessment.NumberedFinding nf : a.findings()) {
        if (nf.risk().atLeast(Risk.HIGH)) continue;
        if (!any) {
          line("| ID | Risk | Domain | Finding | Evidence | Recommendation |");
          line("|----|------|--------|---------|----------|----------------|");
          any = true;
        }
        Finding f = nf.finding();
        line(
            "| "
                + nf.id()
                + " | "
                + nf.risk().title
                + " | "
                + f.rule().domain().title
                + " | "
                + esc(f.title())
                + " | "
                + (f.evidence().isEmpty() ? "absence" : esc(locs(f.evidence(), 3)))
                + " | "
                + esc(Advice.of(f).text())
                + " |");
      }
      if (!any) line("None.");
      line("");
    }

    private void remediationPlan() {
      line("## Prioritized Remediation Plan");
      for (Tier t : Tier.values()) tierActions(t);
      line("");
    }

    private void tierActions(Tier t) {
      line("");
      line(
          switch (t) {
            case QUICK_WIN -> "### Quick Wins (< 1 week)";
            case FOUNDATION -> "### Foundation (1-4 weeks)";
            case STRATEGIC -> "### Strategic (1-3 months)";
          });
      if (t == Tier.QUICK_WIN) {
        line("| Finding | Action | Impact | Effort |");
        line("|---------|--------|--------|--------|");
      } else {
        line("| Finding | Action | Impact | Effort | Dependencies |");
        line("|---------|--------|--------|--------|--------------|");
      }
      for (Assessment.Action x : a.plan()) {
        if (x.tier() != t) continue;
        String row =
            "| "
                + String.join(", ", x.findings())
                + " | **"
                + x.id()
                + "** "
                + esc(x.title())
                + ": "
                + esc(x.action())
                + " | "
                + x.impact().title
                + " | "
                + esc(x.effort());
        line(
            t == Tier.QUICK_WIN
                ? row + " |"
                : row
                    + " | "
                    + (x.dependsOn().isEmpty() ? "None" : String.join(", ", x.dependsOn()))
                    + " |");
      }
    }

    private void testingPlan() {
      line("## Testing Plan");
      line("| Test | Validates | Frequency | AWS Service | Evidence Exists |");
      line("|------|-----------|-----------|-------------|-----------------|");
      for (Assessment.TestRow r : a.testingPlan()) {
        line(
            "| "
                + r.test()
                + " | "
                + r.validates()
                + " | "
                + r.frequency()
                + " | "
                + r.awsService()
                + " | "
                + (r.evidenceExists() ? "Yes (" + shownPlainly(r.evidence()) + ")" : "No")
                + " |");
      }
      line("");
    }

    private void nextSteps() {
      line("## Next Steps");
      if (!a.coverage().complete() && a.nextSteps().isEmpty())
        line(
            esc(a.coverage().statement())
                + " Scan the paths that hold them too, or assess them on their own.");
      else if (ReportInput.nothingAssessed(a))
        line(
            "Nothing was assessed: no CloudFormation, SAM or Terraform resources and no supported application code were found in the scanned paths (Appendix D lists the files that were skipped). Point relplan at the directory that holds the templates or code.");
      else if (a.nextSteps().isEmpty())
        line(
            "No gaps found: schedule a game day and a DR drill to confirm the design works as declared.");
      for (int i = 0; i < a.nextSteps().size(); i++)
        line((i + 1) + ". " + esc(a.nextSteps().get(i).text()));
      line("");
    }

    private void wellArchitectedQuestions() {
      line("## Appendix A: Well-Architected Reliability Questions");
      line(esc(Assessment.WA_WORDING_NOTE));
      line("");
      line("| Question | Status | Evidence | Gaps | Risk | Best Practices |");
      line("|----------|--------|----------|------|------|----------------|");
      for (Assessment.WaQuestion q : a.waQuestions()) {
        String gaps =
            q.gaps().isEmpty()
                ? (q.decidingEvidence().isEmpty() ? "None" : q.decidingEvidence())
                : String.join("; ", q.gaps().stream().map(Assessment.Gap::text).toList());
        line(
            "| "
                + q.id().replace("REL", "REL ")
                + " — "
                + esc(q.question())
                + " | "
                + q.status()
                + " | "
                + esc(locs(q.evidence(), 4))
                + " | "
                + esc(gaps)
                + " | "
                + q.risk()
                + " | "
                + String.join(", ", q.bestPractices())
                + " |");
      }
      line("");
    }

    private void recoveryCapabilities() {
      line("## Appendix B: Recovery Capabilities");
      line(
          "| Resource | Evidence | Backup | Frequency | Retention | Estimated RPO | Estimated RTO | Cross-Region Copy | Recovery Tested |");
      line(
          "|----------|----------|--------|-----------|-----------|---------------|---------------|-------------------|-----------------|");
      for (Assessment.RecoveryRow r : a.recovery()) {
        line(
            "| "
                + esc(r.resource())
                + " | "
                + esc(locs(r.evidence(), 1))
                + " | "
                + esc(r.backup())
                + " | "
                + esc(r.frequency())
                + " | "
                + esc(r.retention())
                + " | "
                + esc(r.rpo())
                + " | "
                + esc(r.rto())
                + " | "
                + esc(r.crossRegion())
                + " | "
                + esc(r.tested())
                + " |");
      }
      line("");
    }

    private void cannotDetermine() {
      line("## Appendix C: Cannot Determine");
      if (a.undetermined().isEmpty()) line("Every check could be decided from the scanned files.");
      for (Undetermined u : a.undetermined()) {
        line(
            "- **"
                + u.rule().id()
                + "** on "
                + esc(u.resource())
                + ": "
                + esc(u.reason())
                + cite(u.evidence(), 3));
      }
      line("");
    }

    private void analysisCoverage() {
      line("## Appendix D: Analysis Coverage");
      line("- Resources modelled: " + a.resourcesAnalyzed());
      if (!a.notAssessedTypes().isEmpty()) {
        StringBuilder types = new StringBuilder();
        for (Map.Entry<String, Integer> e : a.notAssessedTypes().entrySet()) {
          if (types.length() > 0) types.append(", ");
          types.append(esc(e.getKey())).append(" (").append(e.getValue()).append(')');
        }
        line("- Resource types present but not assessed by any rule: " + types);
      }
      coverageGaps();
      if (a.skippedFiles().isEmpty()) {
        line("- Skipped files: none");
      } else {
        line("- Skipped files:");
        line("");
        line("| File | Reason |");
        line("|------|--------|");
        a.skippedFiles()
            .forEach(s -> line("| " + esc(roots.shown(s.file())) + " | " + esc(s.reason()) + " |"));
      }
      line("");
    }

    /** Each module, nested stack or handler that could not be read, with why and where. */
    private void coverageGaps() {
      if (a.coverage().complete()) return;
      line("- Not read (what they create or do is not assessed):");
      line("");
      line("| What | Name | Why | Reason | Declared At |");
      line("|------|------|-----|--------|-------------|");
      for (CoverageGap g : a.coverage().gaps())
        line(
            "| "
                + g.kind().noun
                + " | "
                + esc(g.subject())
                + " | "
                + g.cause().words
                + " | "
                + esc(g.reason())
                + " | "
                + esc(g.location().toString())
                + " |");
      line("");
    }

    private void integrations() {
      line("## Appendix E: Integrations");
      if (a.integrations().isEmpty()) {
        line(
            "No outbound calls found in the scanned application code (Java, Python, JavaScript, TypeScript, Go and C# are read).");
      } else {
        line(
            "| Integration | Evidence | Timeout | Retry Policy | Circuit Breaker | Fallback | Per Attempt | Attempts | Worst Case | Deadline |");
        line(
            "|-------------|----------|---------|--------------|-----------------|----------|-------------|----------|------------|----------|");
        for (Assessment.IntegrationRow r : a.integrations()) {
          line(
              "| "
                  + esc(r.integration())
                  + " ("
                  + esc(r.client())
                  + ") | "
                  + locs(r.evidence(), 3)
                  + " | "
                  + esc(r.timeout())
                  + " | "
                  + esc(r.retry())
                  + " | "
                  + esc(r.circuitBreaker())
                  + " | "
                  + esc(r.fallback())
                  + " | "
                  + seconds(r.attemptSeconds(), r)
                  + " | "
                  + (r.attempts() == null ? "—" : r.attempts())
                  + " | "
                  + seconds(r.worstCaseSeconds(), r)
                  + " | "
                  + esc(r.budget())
                  + " |");
        }
      }
      line("");
    }

    /** A wait in seconds, or why there is none (unbounded, undetermined, not computed). */
    private String seconds(Double value, Assessment.IntegrationRow r) {
      if (value != null)
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() + " s";
      String note = r.waitNote();
      if (note.startsWith("Unbounded")) return "Unbounded";
      if (note.startsWith("Cannot determine")) return "Cannot determine";
      return "—";
    }

    private void followUp() {
      String packages = codeText(String.join(" ", a.packagesAnalyzed()));
      line("## Follow-up");
      line("Would you like to:");
      line(
          "- Fail a CI build on new high-risk gaps: `relplan assess "
              + packages
              + " --fail-on high`");
      line(
          "- Get the machine-readable plan: `relplan assess "
              + packages
              + " --format json -o plan.json`");
      line(
          "- Assess another environment's values: `relplan assess "
              + packages
              + " --parameters <parameter file>`");
      line(
          "- Calibrate to your objectives: `relplan assess "
              + packages
              + " --target 99.99 --rto 15m --rpo 5m`");
      // Step 10's offers relplan makes itself: files written to a directory, never applied.
      String rpo = a.rpo() == null ? "" : " --rpo " + a.rpo();
      line(
          "- Create backup and DR IaC for the stateful resources without a backup or a"
              + " cross-Region copy (an AWS Backup plan with a restore-testing plan, as a patch to"
              + " each template or a .tf file): `relplan generate backup "
              + packages
              + rpo
              + " -o relplan-generated`");
      line(
          "- Generate FIS experiment templates for the testing plan, stopping on your own alarms:"
              + " `relplan generate fis "
              + packages
              + " -o relplan-generated`");
      line(
          "- Patch the Critical and High findings that have a mechanical fix, each with its cost"
              + " (so far: Multi-AZ for single-AZ RDS instances in CloudFormation): `relplan"
              + " generate fixes "
              + packages
              + " -o relplan-generated`");
      line(
          "- Design multi-AZ architecture, circuit breakers or deployment safety configuration for a specific component (ask your team's reliability reviewer or coding agent, with this plan as input).");
    }

    private void line(String s) {
      try {
        out.write(s);
        out.write('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Locations as plain text, comma-separated. */
    private String shownPlainly(List<Location> evidence) {
      return String.join(", ", evidence.stream().map(roots::shown).toList());
    }

    private String cite(List<Location> evidence, int max) {
      return evidence.isEmpty() ? "" : " (" + locs(evidence, max) + ")";
    }

    private String locs(List<Location> evidence, int max) {
      if (evidence.isEmpty()) return "—";
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < Math.min(max, evidence.size()); i++) {
        if (i > 0) b.append(", ");
        b.append('`').append(codeText(roots.shown(evidence.get(i)))).append('`');
      }
      if (evidence.size() > max) b.append(" +").append(evidence.size() - max);
      return b.toString();
    }
  }

  private static String orDash(String s) {
    return s == null ? "not stated" : s;
  }

  /**
   * Text from scanned names and paths made inert: table cells stay intact (pipes escaped, newlines
   * flattened), control characters cannot drive a terminal, and outside code spans a {@code <}
   * cannot open raw HTML nor a backslash turn the escape off. Inside code spans Markdown shows text
   * as is, so only pipes and control characters change there.
   */
  static String esc(String s) {
    if (s == null) return "";
    if (!needsEscaping(s)) return s;
    StringBuilder out = new StringBuilder(s.length());
    boolean code = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '|') out.append("\\|");
      else if (c == '\r' || c == '\n') out.append(' ');
      else if (isUnsafeControl(c)) out.append(REPLACEMENT);
      else {
        if (c == '`') code = !code;
        else if (!code && startsMarkup(c, i + 1 < s.length() ? s.charAt(i + 1) : ' '))
          out.append('\\');
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Whether {@link #esc} would change anything: most texts (advice, titles) have no character it
   * escapes, and are then not copied character by character.
   */
  private static boolean needsEscaping(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '|'
          || c == '\r'
          || c == '\n'
          || c == '`'
          || c == '<'
          || c == '\\'
          || isUnsafeControl(c)) return true;
    }
    return false;
  }

  /**
   * Whether this character and the next would start raw HTML or an autolink ({@code <} before a
   * letter, /, ! or ?) or a backslash escape; "MinSize < MaxSize" stays as written.
   */
  private static boolean startsMarkup(char c, char next) {
    if (c == '<')
      return next == '/' || next == '!' || next == '?' || (next < 0x80 && Character.isLetter(next));
    return c == '\\' && next < 0x80 && next > 0x20 && !Character.isLetterOrDigit(next);
  }

  /**
   * The content of a code span: a backtick would end the span early, so it is shown as a look-alike
   * grave accent; control characters as in {@link #esc}.
   */
  static String codeText(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '`') out.append(GRAVE_LOOKALIKE);
      else if (c == '\r' || c == '\n' || isUnsafeControl(c)) out.append(REPLACEMENT);
      else out.append(c);
    }
    return out.toString();
  }

  private static final char REPLACEMENT = '\uFFFD';
  private static final char GRAVE_LOOKALIKE = '\u02CB';

  /**
   * C0 and C1 controls (escape sequences), DEL, and the bidirectional overrides that reorder what a
   * reader sees; a tab is kept.
   */
  static boolean isUnsafeControl(char c) {
    return (c < 0x20 && c != '\t')
        || (c >= 0x7f && c <= 0x9f)
        || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069);
  }
}
