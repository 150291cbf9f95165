package dev.relplan.assess;

import dev.relplan.rules.Domain;
import dev.relplan.rules.Finding;
import dev.relplan.rules.Risk;
import dev.relplan.rules.Strength;
import dev.relplan.rules.Tier;
import dev.relplan.rules.Undetermined;
import dev.relplan.source.Location;
import dev.relplan.source.ScanRoots;
import dev.relplan.source.SkippedFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Everything the renderers show; renderers compute nothing. */
public record Assessment(
    String workload,
    String tier,
    String environment,
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
    List<NextStep> nextSteps,
    List<SkippedFile> skippedFiles,
    java.util.Map<String, Integer> notAssessedTypes,
    int resourcesAnalyzed,
    List<PastFinding> fixedSinceBaseline,
    boolean nothingAssessable,
    Coverage coverage,
    Causes rootCauses,
    Topology topology,
    Suppressions suppressions) {

  /**
   * The findings the repository's owners accepted (counted nowhere else in the assessment), the
   * suppressions past their date (their findings are active again) and those ignored because
   * --ignore-inline-suppressions was given.
   */
  public record Suppressions(
      List<SuppressedFinding> findings,
      List<dev.relplan.model.Suppression> expired,
      List<dev.relplan.model.Suppression> ignored) {
    public static Suppressions none() {
      return new Suppressions(List.of(), List.of(), List.of());
    }

    public boolean isEmpty() {
      return findings.isEmpty() && expired.isEmpty() && ignored.isEmpty();
    }
  }

  /** A finding set apart (numbered S-001, ...) and the suppression that covers it. */
  public record SuppressedFinding(
      NumberedFinding finding, dev.relplan.model.Suppression suppression) {}

  /**
   * A finding with its report id, its {@link FindingIdentity fingerprint} and, against a --baseline
   * report, whether it is new or unchanged (null without a baseline).
   */
  public record NumberedFinding(String id, Finding finding, String status, String fingerprint) {
    public NumberedFinding(String id, Finding finding) {
      this(id, finding, null, null);
    }

    public Risk risk() {
      return finding.risk();
    }

    /**
     * How reports before fingerprints identified a finding (rule, resource and file as the scan
     * named it): matched only against baseline findings without a fingerprint.
     */
    public String legacyKey() {
      String file = finding.evidence().isEmpty() ? "" : finding.evidence().get(0).file();
      return legacyKey(finding.rule().id(), finding.resource(), file);
    }

    public static String legacyKey(String rule, String resource, String file) {
      return rule + "|" + resource + "|" + file;
    }
  }

  /**
   * A finding of a --baseline report: its fingerprint (null in reports written before fingerprints,
   * matched by {@code legacyKey} then), id, rule, title, resource and first location (null for
   * repository-level findings).
   */
  public record PastFinding(
      String fingerprint,
      String legacyKey,
      String id,
      String rule,
      String title,
      String resource,
      String resourceType,
      Location location) {}

  /** The roots the scan was given, to name each location's root. */
  public ScanRoots scanRoots() {
    return ScanRoots.of(packagesAnalyzed);
  }

  /**
   * The same assessment with each finding marked new or unchanged against a previous report, and
   * the previous report's findings that are gone.
   */
  public Assessment withBaseline(List<PastFinding> previous) {
    Set<String> pastFingerprints = new HashSet<>();
    Set<String> pastLegacyKeys = new HashSet<>();
    for (PastFinding p : previous) {
      if (p.fingerprint() != null) pastFingerprints.add(p.fingerprint());
      else pastLegacyKeys.add(p.legacyKey());
    }
    List<NumberedFinding> marked = new ArrayList<>();
    Set<String> nowFingerprints = new HashSet<>();
    Set<String> nowLegacyKeys = new HashSet<>();
    for (NumberedFinding f : findings) {
      nowFingerprints.add(f.fingerprint());
      nowLegacyKeys.add(f.legacyKey());
      boolean known =
          pastFingerprints.contains(f.fingerprint()) || pastLegacyKeys.contains(f.legacyKey());
      marked.add(
          new NumberedFinding(f.id(), f.finding(), known ? "unchanged" : "new", f.fingerprint()));
    }
    // A finding suppressed since the baseline is accepted, not fixed.
    for (SuppressedFinding s : suppressions.findings()) {
      nowFingerprints.add(s.finding().fingerprint());
      nowLegacyKeys.add(s.finding().legacyKey());
    }
    List<PastFinding> fixed = new ArrayList<>();
    for (PastFinding p : previous) {
      boolean gone =
          p.fingerprint() != null
              ? !nowFingerprints.contains(p.fingerprint())
              : !nowLegacyKeys.contains(p.legacyKey());
      if (gone) fixed.add(p);
    }
    fixed.sort(Comparator.comparing(PastFinding::id));
    return with(marked, List.copyOf(fixed));
  }

  /**
   * The same assessment with only these findings: a generator asked about one finding (the MCP
   * server's generate_fix) reads the rest unchanged.
   */
  public Assessment withFindings(List<NumberedFinding> only) {
    return with(List.copyOf(only), fixedSinceBaseline);
  }

  /** The same assessment with these findings and findings fixed since the baseline. */
  private Assessment with(List<NumberedFinding> findings, List<PastFinding> fixed) {
    return new Assessment(
        workload,
        tier,
        environment,
        availabilityTarget,
        rto,
        rpo,
        packagesAnalyzed,
        notes,
        findings,
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
        fixed,
        nothingAssessable,
        coverage,
        rootCauses,
        topology,
        suppressions);
  }

  /**
   * The components the model knows and their links (load balancer → service → database, queue →
   * consumer → dead-letter queue), for the dashboard's picture; built by {@code TopologyMap}.
   */
  public record Topology(List<TopologyNode> nodes, List<TopologyEdge> edges) {
    public static final Topology EMPTY = new Topology(List.of(), List.of());
  }

  /**
   * One component: its report id ({@code n0}, {@code n1}… in the workload's order), name, written
   * type, column ({@code entry}, {@code compute}, {@code messaging}, {@code data}, {@code
   * network}), role on the request path ({@code request}, {@code async}, {@code scheduled}, {@code
   * unknown}), whether its SPOF table row says one copy (single-AZ, single replica, one host) and
   * is rated High or Critical, that table's redundancy (null without a row) and its declaration.
   */
  public record TopologyNode(
      String id,
      String name,
      String type,
      String kind,
      String role,
      boolean spof,
      String redundancy,
      Location location) {}

  /**
   * A link: {@code routes}, a trigger kind ({@code sqs}, {@code api-rest}…), {@code dead-letter},
   * {@code subscription}, {@code uses} or {@code depends-on}.
   */
  public record TopologyEdge(String from, String to, String kind) {}

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

  /**
   * One outbound call from application code, as the seed's integration table shows it, with its
   * deadline budget: the wait of one attempt and the attempts (null when unbounded, unknown or not
   * computed for the client; {@code waitNote} says which), their product, and the deadline of the
   * function whose code makes the call (null when none is known; {@code budget} says why).
   */
  public record IntegrationRow(
      String integration,
      String kind,
      String client,
      String target,
      List<Location> evidence,
      String timeout,
      String retry,
      String circuitBreaker,
      String fallback,
      Double attemptSeconds,
      Integer attempts,
      Double worstCaseSeconds,
      String waitNote,
      Double budgetSeconds,
      String budget) {}

  public record WaQuestion(
      String id,
      String question,
      String status,
      List<Location> evidence,
      List<Gap> gaps,
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

  /** A resilience test to run, with where the repository already has it (up to three places). */
  public record TestRow(
      String test,
      String validates,
      String frequency,
      String awsService,
      boolean evidenceExists,
      List<Location> evidence) {}

  /**
   * What a Well-Architected question lacks: a finding (its id, fingerprint and title) or an item
   * that could not be determined (its rule, resource and reason), with where it is.
   */
  public record Gap(
      String finding,
      String fingerprint,
      String rule,
      String resource,
      String text,
      List<Location> evidence) {
    static Gap of(NumberedFinding f) {
      return new Gap(
          f.id(),
          f.fingerprint(),
          f.finding().rule().id(),
          f.finding().resource(),
          f.id() + " " + f.finding().title(),
          f.finding().evidence().isEmpty() ? List.of() : List.of(f.finding().evidence().get(0)));
    }

    static Gap of(Undetermined u) {
      return new Gap(
          null,
          null,
          u.rule().id(),
          u.resource(),
          "Cannot Determine: " + u.resource() + " (" + u.reason() + ")",
          u.evidence().isEmpty() ? List.of() : List.of(u.evidence().get(0)));
    }
  }

  /**
   * One of this week's steps: a plan action, worded for people in {@code text}, with the findings
   * it fixes and the first location of each.
   */
  /**
   * Findings on one resource that share one cause: the primary finding (the one that names the
   * cause) and the others, which keep their own flags.
   */
  public record RootCause(String cause, String primary, List<String> related) {}

  /** The root cause a finding shares with others, as the primary or a related finding; or null. */
  public RootCause rootCauseOf(String findingId) {
    return rootCauses.byFinding.get(findingId);
  }

  /** The fingerprint of the primary finding of the cause a related finding shares; or null. */
  public String rootCauseFingerprint(String findingId) {
    RootCause c = rootCauseOf(findingId);
    return c == null || c.primary().equals(findingId)
        ? null
        : rootCauses.primaryFingerprint.get(c.primary());
  }

  /**
   * The root causes with an index from each finding to its cause, built once (renderers ask for
   * every finding; a scan per question would be quadratic).
   */
  public static final class Causes {
    private final List<RootCause> all;
    private final Map<String, RootCause> byFinding = new HashMap<>();
    private final Map<String, String> primaryFingerprint = new HashMap<>();

    public Causes(List<RootCause> all, List<NumberedFinding> findings) {
      this.all = List.copyOf(all);
      for (RootCause c : all) {
        byFinding.put(c.primary(), c);
        for (String id : c.related()) byFinding.put(id, c);
      }
      for (NumberedFinding f : findings)
        if (byFinding.containsKey(f.id())) primaryFingerprint.put(f.id(), f.fingerprint());
    }

    public List<RootCause> all() {
      return all;
    }
  }

  /** Findings less the related findings of each root cause: how many causes there are to fix. */
  public int rootCauseCount() {
    return findings.size() - rootCauses.all().stream().mapToInt(c -> c.related().size()).sum();
  }

  public record NextStep(
      String action, String title, String text, List<String> findings, List<Location> evidence) {}

  /** Said once, under the Well-Architected questions: which titles follow the current wording. */
  public static final String WA_WORDING_NOTE = WaQuestions.WORDING_NOTE;

  public long count(Risk r) {
    return findings.stream().filter(f -> f.risk() == r).count();
  }
}
