package dev.relplan.assess;

import dev.relplan.rules.Domain;
import dev.relplan.rules.Finding;
import dev.relplan.rules.Risk;
import dev.relplan.rules.Strength;
import dev.relplan.rules.Tier;
import dev.relplan.rules.Undetermined;
import dev.relplan.source.Location;
import dev.relplan.source.SkippedFile;
import java.util.List;

/** Everything the renderers show; renderers compute nothing. */
public record Assessment(
    String workload,
    String availabilityTarget,
    String rto,
    String rpo,
    List<String> packagesAnalyzed,
    List<String> notes,
    List<NumberedFinding> findings,
    List<Strength> strengths,
    List<Undetermined> undetermined,
    List<SpofRow> spofs,
    List<RecoveryRow> recovery,
    List<IntegrationRow> integrations,
    List<WaQuestion> waQuestions,
    List<DomainScore> scorecard,
    int maturity,
    String maturityReason,
    List<Action> plan,
    List<TestRow> testingPlan,
    List<String> nextSteps,
    List<SkippedFile> skippedFiles,
    java.util.Map<String, Integer> notAssessedTypes,
    int resourcesAnalyzed,
    List<String> fixedSinceBaseline,
    boolean nothingAssessable,
    Coverage coverage) {

  /**
   * A finding with its report id and, against a --baseline report, whether it is new or unchanged.
   */
  public record NumberedFinding(String id, Finding finding, String status) {
    public NumberedFinding(String id, Finding finding) {
      this(id, finding, "new");
    }

    public Risk risk() {
      return finding.risk();
    }

    /**
     * What identifies the same finding across runs: rule, resource and file (lines move as files
     * change).
     */
    public String baselineKey() {
      String file = finding.evidence().isEmpty() ? "" : finding.evidence().get(0).file();
      return finding.rule().id() + "|" + finding.resource() + "|" + file;
    }
  }

  /**
   * The same assessment with each finding marked new or unchanged against a previous report, and
   * what was fixed.
   */
  public Assessment withBaseline(java.util.Map<String, String> previous) {
    List<NumberedFinding> marked = new java.util.ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (NumberedFinding f : findings) {
      String key = f.baselineKey();
      seen.add(key);
      marked.add(
          new NumberedFinding(
              f.id(), f.finding(), previous.containsKey(key) ? "unchanged" : "new"));
    }
    List<String> fixed = new java.util.ArrayList<>();
    previous.forEach(
        (key, title) -> {
          if (!seen.contains(key)) fixed.add(title);
        });
    fixed.sort(null);
    return new Assessment(
        workload,
        availabilityTarget,
        rto,
        rpo,
        packagesAnalyzed,
        notes,
        marked,
        strengths,
        undetermined,
        spofs,
        recovery,
        integrations,
        waQuestions,
        scorecard,
        maturity,
        maturityReason,
        plan,
        testingPlan,
        nextSteps,
        skippedFiles,
        notAssessedTypes,
        resourcesAnalyzed,
        List.copyOf(fixed),
        nothingAssessable,
        coverage);
  }

  public record SpofRow(
      String component,
      String type,
      List<Location> evidence,
      String redundancy,
      String blastRadius,
      String failover,
      Risk risk) {}

  public record RecoveryRow(
      String resource,
      String type,
      List<Location> evidence,
      String backup,
      String frequency,
      String retention,
      String rpo,
      String rto,
      String crossRegion,
      String tested) {}

  /** One outbound call from application code, as the seed's integration table shows it. */
  public record IntegrationRow(
      String integration,
      String kind,
      String client,
      String target,
      List<Location> evidence,
      String timeout,
      String retry,
      String circuitBreaker,
      String fallback) {}

  public record WaQuestion(
      String id,
      String question,
      String status,
      List<Location> evidence,
      List<String> gaps,
      String risk,
      List<String> bestPractices,
      String decidingEvidence) {}

  public record DomainScore(Domain domain, int score, String strength, String gap) {}

  public record Action(
      String id,
      String rule,
      List<String> findings,
      String title,
      String action,
      Risk impact,
      String effort,
      Tier tier,
      List<String> dependsOn,
      List<String> awsServices) {}

  public record TestRow(
      String test,
      String validates,
      String frequency,
      String awsService,
      boolean evidenceExists,
      String evidence) {}

  public long count(Risk r) {
    return findings.stream().filter(f -> f.risk() == r).count();
  }
}
