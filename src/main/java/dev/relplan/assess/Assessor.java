package dev.relplan.assess;

import dev.relplan.model.BackupPlan;
import dev.relplan.model.Bucket;
import dev.relplan.model.Cache;
import dev.relplan.model.ComputeGroup;
import dev.relplan.model.Database;
import dev.relplan.model.EvidenceKind;
import dev.relplan.model.FileSystem;
import dev.relplan.model.Integration;
import dev.relplan.model.KubernetesBackup;
import dev.relplan.model.NatGateway;
import dev.relplan.model.OperatorDatabase;
import dev.relplan.model.Resource;
import dev.relplan.model.RestoreTestingPlan;
import dev.relplan.model.StatefulService;
import dev.relplan.model.Subnet;
import dev.relplan.model.Table;
import dev.relplan.model.Value;
import dev.relplan.model.Volume;
import dev.relplan.model.Workload;
import dev.relplan.rules.Advice;
import dev.relplan.rules.BackupCoverage;
import dev.relplan.rules.Context;
import dev.relplan.rules.Domain;
import dev.relplan.rules.Finding;
import dev.relplan.rules.Findings;
import dev.relplan.rules.Risk;
import dev.relplan.rules.Rule;
import dev.relplan.rules.RuleMeta;
import dev.relplan.rules.Strength;
import dev.relplan.rules.Tier;
import dev.relplan.rules.Topology;
import dev.relplan.rules.Undetermined;
import dev.relplan.source.Location;
import dev.relplan.source.ScanRoots;
import dev.relplan.source.SkippedFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Runs the rules and turns their results into the plan: numbering, tables, questions, scores,
 * actions.
 */
public final class Assessor {
  /** What the user said about the workload. */
  public record Inputs(
      String workload,
      Context context,
      List<String> packages,
      List<String> notes,
      List<SkippedFile> skipped,
      Suppressing.Policy suppressions) {
    public Inputs(
        String workload,
        Context context,
        List<String> packages,
        List<String> notes,
        List<SkippedFile> skipped) {
      this(workload, context, packages, notes, skipped, Suppressing.Policy.none());
    }

    /**
     * The same inputs with these suppressions (inline and relplan.yaml's), judged expired against
     * {@code date} (none expire without one), inline ones ignored when {@code ignoreInline}.
     */
    public Inputs withSuppressions(
        List<dev.relplan.model.Suppression> all, java.time.LocalDate date, boolean ignoreInline) {
      return new Inputs(
          workload,
          context,
          packages,
          notes,
          skipped,
          new Suppressing.Policy(all, date, ignoreInline));
    }
  }

  private Assessor() {}

  public static Assessment assess(Workload w, List<Rule> rules, Inputs in) {
    Findings out = new Findings();
    for (Rule r : rules) r.check(w, in.context(), out);

    Roles roles = Roles.of(w);
    String pipeline = Calibration.dataPipeline(w);
    List<String> notes = new ArrayList<>(in.notes());
    if (pipeline != null) notes.add("Workload " + pipeline + ".");
    notes.addAll(incidentNotes(in.context()));
    String tierNote = tierNote(in.context());
    if (tierNote != null) notes.add(tierNote);
    List<Finding> reported = out.findings();
    SameObjects.Merged merged =
        SameObjects.merge(
            Calibration.incidents(
                Calibration.apply(Criticality.rate(reported, roles), pipeline),
                in.context().incidents()),
            i -> out.deciding(reported.get(i)),
            w);
    notes.addAll(merged.notes());
    ScanRoots roots = ScanRoots.of(in.packages());
    Suppressing.Outcome suppressing =
        Suppressing.apply(DistinctTitles.of(merged.findings()), in.suppressions(), roots);
    notes.addAll(SuppressionNotes.of(suppressing, in.suppressions(), roots));
    List<Assessment.NumberedFinding> findings =
        FindingIdentity.fingerprinted(numbered("F-", suppressing.active()), roots);

    List<Strength> strengths =
        new ArrayList<>(
            SameObjects.mergeRows(
                out.strengths(),
                w,
                Strength::evidence,
                (st, evidence) ->
                    new Strength(st.domain(), st.title(), evidence, st.bestPractices())));
    strengths.sort(Comparator.comparing(Strength::domain).thenComparing(Strength::title));
    List<Undetermined> undetermined =
        new ArrayList<>(
            SameObjects.mergeRows(
                out.undetermined(),
                w,
                Undetermined::evidence,
                (u, evidence) -> new Undetermined(u.rule(), u.resource(), u.reason(), evidence)));
    undetermined.sort(
        Comparator.comparing((Undetermined u) -> u.rule().id())
            .thenComparing(Undetermined::resource));

    List<Assessment.DomainScore> scorecard = scorecard(findings, strengths);
    int maturity =
        (int)
            Math.round(
                scorecard.stream().mapToInt(Assessment.DomainScore::score).average().orElse(1));
    List<Assessment.RootCause> causes = RootCauses.of(findings);
    List<Assessment.Action> plan = plan(findings, causes);
    Context ctx = in.context();
    Coverage coverage = Completeness.of(w, nothingAssessable(w));
    List<Assessment.SpofRow> spofs = spofs(w, findings, roles);
    return new Assessment(
        in.workload(),
        ctx.tier(),
        ctx.environment(),
        ctx.availabilityTarget() == null ? null : format(ctx.availabilityTarget()),
        ctx.rto(),
        ctx.rpo(),
        in.packages(),
        notes,
        findings,
        strengths,
        undetermined,
        spofs,
        recovery(w),
        integrations(w),
        questions(w, findings, strengths, undetermined),
        Completeness.scorecard(coverage, scorecard),
        Math.max(1, Math.min(5, maturity)),
        Completeness.maturityReason(
            coverage,
            nothingAssessable(w)
                ? "nothing assessable was found: no CloudFormation, SAM or Terraform resources and no supported application code in the scanned paths"
                : maturityReason(findings, scorecard, maturity)),
        plan,
        TestingPlan.of(w, roles),
        nextSteps(plan, findings),
        in.skipped(),
        w.notAssessedTypes,
        SameObjects.count(w),
        List.of(),
        nothingAssessable(w),
        coverage,
        new Assessment.Causes(causes, findings),
        TopologyMap.of(w, roles, spofs),
        suppressed(suppressing, roots));
  }

  /** The suppressed findings numbered S-001, ... (riskiest first) with what covers each. */
  private static Assessment.Suppressions suppressed(Suppressing.Outcome outcome, ScanRoots roots) {
    Map<Finding, dev.relplan.model.Suppression> by = new IdentityHashMap<>();
    List<Finding> covered = new ArrayList<>();
    for (Suppressing.Covered c : outcome.covered()) {
      by.put(c.finding(), c.by());
      covered.add(c.finding());
    }
    List<Assessment.SuppressedFinding> findings = new ArrayList<>();
    for (Assessment.NumberedFinding f :
        FindingIdentity.fingerprinted(numbered("S-", covered), roots))
      findings.add(new Assessment.SuppressedFinding(f, by.get(f.finding())));
    return new Assessment.Suppressions(findings, outcome.expired(), outcome.ignored());
  }

  /**
   * No resource, no outbound call and no code or migration file read: the scan found nothing to
   * judge.
   */
  private static boolean nothingAssessable(Workload w) {
    return w.resources().isEmpty() && w.integrations.isEmpty() && w.codeFilesAnalyzed == 0;
  }

  /**
   * A critical or high tier without an availability target: the seed matches expectations to the
   * target (99.99% needs multiple Regions), and no tier says which target it means, so the
   * multi-Region question stays open rather than guessed from the tier.
   */
  private static String tierNote(Context ctx) {
    if (ctx.availabilityTarget() != null) return null;
    if (!"critical".equals(ctx.tier()) && !"high".equals(ctx.tier())) return null;
    return "Business tier "
        + ctx.tier()
        + " without an availability target: whether the workload needs multiple Regions (99.99% or"
        + " more) cannot be determined; state target in relplan.yaml or pass --target.";
  }

  /** One note per past incident the context names. */
  private static List<String> incidentNotes(Context ctx) {
    List<String> notes = new ArrayList<>();
    for (var incident : ctx.incidents()) {
      notes.add(
          "Past incident"
              + (incident.date().isEmpty() ? "" : " " + incident.date())
              + ": "
              + incident.title()
              + (incident.affected().isEmpty()
                  ? ""
                  : " (affected: " + String.join(", ", incident.affected()) + ")"));
    }
    return notes;
  }

  /** The findings riskiest first, in a stable order, numbered F-001, F-002, ... */
  private static List<Assessment.NumberedFinding> numbered(
      String prefix, List<Finding> calibrated) {
    // Each finding's first evidence line is printed once, not on every comparison.
    Map<Finding, String> firstEvidence = new IdentityHashMap<>();
    for (Finding f : calibrated)
      firstEvidence.put(f, f.evidence().isEmpty() ? "" : f.evidence().get(0).toString());
    List<Finding> sorted = new ArrayList<>(calibrated);
    sorted.sort(
        Comparator.comparing(Finding::risk)
            .thenComparing(f -> f.rule().domain())
            .thenComparing(f -> f.rule().id())
            .thenComparing(Finding::resource)
            .thenComparing(firstEvidence::get));
    List<Assessment.NumberedFinding> findings = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++)
      findings.add(new Assessment.NumberedFinding(numbered(prefix, i + 1, 3), sorted.get(i)));
    return findings;
  }

  /**
   * {@code prefix} and {@code n} zero-padded to {@code width} digits ({@code F-007}); written out
   * because the first String.format of a run costs its formatter's set-up.
   */
  static String numbered(String prefix, int n, int width) {
    String digits = Integer.toString(n);
    return prefix + "0".repeat(Math.max(0, width - digits.length())) + digits;
  }

  private static String format(double d) {
    return d == Math.floor(d) ? String.valueOf((long) d) : String.valueOf(d);
  }

  // ---------------------------------------------------------------- integrations

  private static List<Assessment.IntegrationRow> integrations(Workload w) {
    List<Assessment.IntegrationRow> out = new ArrayList<>();
    IntegrationBudgets budgets = new IntegrationBudgets(w);
    List<Integration> sorted = new ArrayList<>(w.integrations);
    sorted.sort(Comparator.comparing((Integration i) -> i.location));
    for (Integration i : sorted) {
      List<Location> evidence = new ArrayList<>();
      evidence.add(i.location);
      if (i.clientLocation != null && !evidence.contains(i.clientLocation))
        evidence.add(i.clientLocation);
      for (Location l : i.timeout.trace()) if (!evidence.contains(l)) evidence.add(l);
      for (Location l : i.pool.trace()) if (!evidence.contains(l)) evidence.add(l);
      // connection-pool settings travel in the timeout column (no extra column in either output)
      String pool = i.pool.present() ? "; pool: " + i.pool.get() : "";
      out.add(
          new Assessment.IntegrationRow(
              i.describe(),
              i.kind.name(),
              i.client,
              i.target.present() ? i.target.get() : null,
              evidence,
              timeoutText(i.timeout) + pool,
              settingText(i.retry),
              settingText(i.circuitBreaker),
              settingText(i.fallback),
              IntegrationBudgets.finite(i.attemptSeconds),
              i.attempts.present() ? i.attempts.get() : null,
              IntegrationBudgets.finite(i.worstCaseSeconds()),
              IntegrationBudgets.waitNote(i),
              budgets.seconds(i),
              budgets.text(i)));
    }
    return out;
  }

  private static String timeoutText(Value<String> v) {
    if (v.unresolved()) return "Cannot determine: " + v.note();
    if (v.present()) return v.get();
    return "None: " + v.note();
  }

  private static String settingText(Value<String> v) {
    if (v.unresolved()) return "Cannot determine: " + v.note();
    return v.present() ? v.get() : "None found";
  }

  // ---------------------------------------------------------------- scorecard

  private static List<Assessment.DomainScore> scorecard(
      List<Assessment.NumberedFinding> findings, List<Strength> strengths) {
    List<Assessment.DomainScore> out = new ArrayList<>();
    for (Domain d : Domain.values()) {
      List<Finding> fs =
          findings.stream()
              .map(Assessment.NumberedFinding::finding)
              .filter(f -> f.rule().domain() == d)
              .toList();
      List<Strength> ss = strengths.stream().filter(s -> s.domain() == d).toList();
      double raw = 5;
      for (Finding f : fs) {
        raw -=
            switch (f.risk()) {
              case CRITICAL -> 2;
              case HIGH -> 1;
              case MEDIUM -> 0.5;
              case LOW -> 0.25;
            };
      }
      int score = (int) Math.max(1, Math.min(5, Math.round(raw)));
      if (ss.isEmpty()) score = Math.min(score, fs.isEmpty() ? 2 : 3);
      if (!fs.isEmpty()) score = Math.min(score, 4); // 5 is for domains without gaps
      // An unmitigated critical gap caps the domain: one such gap can take the workload down.
      if (fs.stream().anyMatch(f -> f.risk() == Risk.CRITICAL)) score = Math.min(score, 2);
      String strength = ss.isEmpty() ? "None found in the repository" : ss.get(0).title();
      String gap =
          fs.isEmpty()
              ? (ss.isEmpty() ? "No evidence either way" : "No gaps found")
              : fs.stream().min(Comparator.comparing(Finding::risk)).map(Finding::title).orElse("");
      out.add(new Assessment.DomainScore(d, score, strength, gap));
    }
    return out;
  }

  private static String maturityReason(
      List<Assessment.NumberedFinding> findings,
      List<Assessment.DomainScore> scores,
      int maturity) {
    long severe = findings.stream().filter(f -> f.risk().atLeast(Risk.HIGH)).count();
    Set<String> weak = new TreeSet<>();
    for (Assessment.DomainScore s : scores) if (s.score() <= 2) weak.add(s.domain().title);
    boolean foundationsOk =
        findings.stream()
            .noneMatch(
                f ->
                    f.risk().atLeast(Risk.HIGH)
                        && (f.finding().rule().domain() == Domain.FAULT_TOLERANCE
                            || f.finding().rule().domain() == Domain.RECOVERY
                            || f.finding().rule().domain() == Domain.CHANGE));
    if (foundationsOk && maturity >= 4) {
      return "Multi-AZ, scaling, health checks, rollback and backups are in place: focus on advanced testing (chaos experiments, DR drills, game days).";
    }
    return severe
        + " critical/high finding(s)"
        + (weak.isEmpty() ? "" : "; weakest domains: " + String.join(", ", weak))
        + ".";
  }

  // ---------------------------------------------------------------- plan

  /**
   * One action per rule over the findings that name a cause; a related finding is fixed by its
   * primary finding's action, which lists it.
   */
  private static List<Assessment.Action> plan(
      List<Assessment.NumberedFinding> findings, List<Assessment.RootCause> causes) {
    Map<String, Assessment.NumberedFinding> byId = new LinkedHashMap<>();
    findings.forEach(f -> byId.put(f.id(), f));
    Map<String, List<Assessment.NumberedFinding>> relatedOf = new LinkedHashMap<>();
    Set<String> related = new HashSet<>();
    for (Assessment.RootCause c : causes) {
      relatedOf.put(c.primary(), c.related().stream().map(byId::get).toList());
      related.addAll(c.related());
    }
    Map<String, List<Assessment.NumberedFinding>> byRule = new LinkedHashMap<>();
    for (Assessment.NumberedFinding f : findings) {
      if (related.contains(f.id())) continue;
      List<Assessment.NumberedFinding> group =
          byRule.computeIfAbsent(f.finding().rule().id(), k -> new ArrayList<>());
      group.add(f);
      group.addAll(relatedOf.getOrDefault(f.id(), List.of()));
    }
    Map<String, String> actionOfRule = new LinkedHashMap<>();
    List<String> ruleOrder = new ArrayList<>(byRule.keySet());
    ruleOrder.sort(
        Comparator.comparing((String r) -> byRule.get(r).get(0).finding().rule().tier())
            .thenComparing(r -> byRule.get(r).get(0).risk())
            .thenComparing(r -> r));
    for (int i = 0; i < ruleOrder.size(); i++)
      actionOfRule.put(ruleOrder.get(i), numbered("A-", i + 1, 2));
    List<Assessment.Action> out = new ArrayList<>();
    for (String rule : ruleOrder) {
      List<Assessment.NumberedFinding> fs = byRule.get(rule);
      RuleMeta m = fs.get(0).finding().rule();
      Risk worst =
          fs.stream()
              .map(Assessment.NumberedFinding::risk)
              .min(Comparator.naturalOrder())
              .orElse(Risk.LOW);
      List<String> deps =
          m.dependsOn().stream().filter(actionOfRule::containsKey).map(actionOfRule::get).toList();
      Set<String> resources = new TreeSet<>();
      fs.forEach(f -> resources.add(f.finding().resource()));
      Advice advice =
          Advice.forAction(
              m,
              fs.stream()
                  .map(Assessment.NumberedFinding::finding)
                  .filter(f -> f.rule() == m)
                  .toList());
      out.add(
          new Assessment.Action(
              actionOfRule.get(rule),
              rule,
              fs.stream().map(Assessment.NumberedFinding::id).toList(),
              m.title() + " (" + String.join(", ", resources) + ")",
              advice.text(),
              worst,
              advice.effort(),
              m.tier(),
              deps,
              advice.services()));
    }
    return out;
  }

  /**
   * The seed's "top 5 actions to take this week": quick wins only, riskiest first; when no action
   * fits in a week, the first foundation action to begin.
   */
  private static List<Assessment.NextStep> nextSteps(
      List<Assessment.Action> plan, List<Assessment.NumberedFinding> findings) {
    Map<String, Location> firstLocation = new LinkedHashMap<>();
    for (Assessment.NumberedFinding f : findings)
      if (!f.finding().evidence().isEmpty())
        firstLocation.put(f.id(), f.finding().evidence().get(0));
    List<Assessment.Action> sorted =
        new ArrayList<>(plan.stream().filter(a -> a.tier() == Tier.QUICK_WIN).toList());
    if (sorted.isEmpty() && !plan.isEmpty()) {
      Assessment.Action first =
          plan.stream()
              .min(
                  Comparator.comparing(Assessment.Action::tier)
                      .thenComparing(Assessment.Action::impact))
              .orElseThrow();
      return List.of(
          nextStep(
              first,
              "No action fits in a week: begin ",
              " (" + first.tier().title + ")",
              firstLocation));
    }
    sorted.sort(
        Comparator.comparing(Assessment.Action::impact)
            .thenComparing(Assessment.Action::tier)
            .thenComparing(a -> -a.findings().size())
            .thenComparing(Assessment.Action::id));
    List<Assessment.NextStep> out = new ArrayList<>();
    for (Assessment.Action a : sorted.subList(0, Math.min(5, sorted.size())))
      out.add(nextStep(a, "", "", firstLocation));
    return out;
  }

  private static Assessment.NextStep nextStep(
      Assessment.Action a, String prefix, String suffix, Map<String, Location> firstLocation) {
    String text =
        prefix
            + a.id()
            + " "
            + a.title()
            + suffix
            + ": "
            + a.action()
            + " ["
            + String.join(", ", a.findings())
            + "]";
    List<Location> evidence =
        a.findings().stream().map(firstLocation::get).filter(l -> l != null).toList();
    return new Assessment.NextStep(a.id(), a.title(), text, a.findings(), evidence);
  }

  // ---------------------------------------------------------------- SPOF and recovery tables

  /** One row per stateful or serving component, riskiest first. */
  private static List<Assessment.SpofRow> spofs(
      Workload w, List<Assessment.NumberedFinding> all, Roles roles) {
    // The worst fault-tolerance risk per resource, once: a scan per row would be quadratic.
    Map<String, Risk> findings = new HashMap<>();
    for (Assessment.NumberedFinding f : all)
      if (f.finding().rule().domain() == Domain.FAULT_TOLERANCE)
        findings.merge(f.finding().resource(), f.risk(), (x, y) -> x.compareTo(y) <= 0 ? x : y);
    List<Assessment.SpofRow> rows = new ArrayList<>();
    for (Database db : w.all(Database.class)) {
      // A cluster member is covered by its cluster's row.
      if (db.kind == Database.Kind.INSTANCE && (db.cluster.present() || db.cluster.unresolved()))
        continue;
      rows.add(databaseRow(db, findings, roles.of(db)));
    }
    for (Cache c : w.all(Cache.class)) rows.add(cacheRow(c, findings, roles.of(c)));
    for (StatefulService s : w.all(StatefulService.class))
      rows.add(statefulServiceRow(s, findings));
    Map<NatGateway, List<Subnet>> nats = Topology.subnetsPerNat(w);
    for (NatGateway n : w.all(NatGateway.class))
      rows.add(natGatewayRow(n, nats.getOrDefault(n, List.of()), findings));
    for (ComputeGroup g : w.all(ComputeGroup.class))
      // A database's pods are the stateful service's row.
      if (g.statefulProduct == null) rows.add(computeGroupRow(w, g, findings, roles.of(g)));
    rows = SameObjects.mergeRows(rows, w, Assessment.SpofRow::evidence, Assessor::withEvidence);
    rows.sort(
        Comparator.comparing(Assessment.SpofRow::risk)
            .thenComparing(Assessment.SpofRow::component));
    return rows;
  }

  private static Assessment.SpofRow withEvidence(Assessment.SpofRow r, List<Location> evidence) {
    return new Assessment.SpofRow(
        r.component(), r.type(), evidence, r.redundancy(), r.blastRadius(), r.failover(), r.risk());
  }

  private static Assessment.SpofRow databaseRow(
      Database db, Map<String, Risk> findings, Roles.Role role) {
    boolean multi =
        db.kind == Database.Kind.INSTANCE
            ? db.multiAz.isTrue()
            : db.members.size() >= 2 || db.clusterInstanceClass.present();
    boolean unknown = db.kind == Database.Kind.INSTANCE && db.multiAz.unresolved();
    boolean region = db.globalCluster.present();
    return row(
        db,
        "Database",
        findings,
        unknown ? "Cannot Determine" : region ? "multi-region" : multi ? "multi-AZ" : "single-AZ",
        withUsers("Every service that reads or writes " + db.id, role),
        unknown
            ? "Cannot Determine"
            : multi
                ? "automatic (Multi-AZ failover, typically 1-2 minutes)"
                : !db.replicas.isEmpty()
                    ? "manual (promote read replica "
                        + String.join(", ", db.replicas.stream().map(r -> r.id).toList())
                        + ")"
                    : "manual (restore from backup)");
  }

  private static Assessment.SpofRow cacheRow(Cache c, Map<String, Risk> findings, Roles.Role role) {
    boolean replicated = c.nodesPerShard.present() && c.nodesPerShard.get() >= 2;
    return row(
        c,
        "Cache",
        findings,
        c.nodesPerShard.unresolved()
            ? "Cannot Determine"
            : replicated && (c.multiAz.isTrue() || c.automaticFailover.isTrue())
                ? "multi-AZ"
                : "single-AZ",
        withUsers("Clients of " + c.id + " (cache misses load the primary data store)", role),
        c.automaticFailover.isTrue()
            ? "automatic (replica promotion)"
            : "none (node replaced empty)");
  }

  private static Assessment.SpofRow statefulServiceRow(
      StatefulService s, Map<String, Risk> findings) {
    return row(
        s,
        s.service,
        findings,
        s.replicated.isTrue()
            ? "multi-AZ"
            : s.replicated.unresolved() ? "Cannot Determine" : "single-AZ",
        "Producers and consumers of " + s.id,
        s.replicated.isTrue() ? "automatic" : "manual");
  }

  /** A NAT gateway lives in one zone; its blast radius is the zones of the subnets routed to it. */
  private static Assessment.SpofRow natGatewayRow(
      NatGateway n, List<Subnet> routedSubnets, Map<String, Risk> findings) {
    Set<String> zones = new TreeSet<>();
    for (Subnet s : routedSubnets)
      if (s.availabilityZone.present()) zones.add(s.availabilityZone.get());
    return row(
        n,
        "NAT gateway",
        findings,
        "single-AZ",
        "Outbound traffic of private subnets in " + zones.size() + " zone(s)",
        zones.size() > 1 ? "none" : "other zones use their own NAT gateway");
  }

  private static Assessment.SpofRow computeGroupRow(
      Workload w, ComputeGroup g, Map<String, Risk> findings, Roles.Role role) {
    if (g.kind == ComputeGroup.Kind.KUBERNETES_WORKLOAD) return kubernetesRow(g, findings, role);
    if (g.kind == ComputeGroup.Kind.COMPOSE_SERVICE) return composeRow(g, findings);
    var zones = Topology.zones(w, g);
    String redundancy =
        g.kind == ComputeGroup.Kind.EC2_INSTANCE
            ? "single-AZ"
            : zones.present()
                ? (Topology.multiZone(zones.get()) ? "multi-AZ" : "single-AZ")
                : "Cannot Determine";
    // One task runs in one zone, whatever the subnets.
    if (g.kind == ComputeGroup.Kind.ECS_SERVICE && g.desired.present() && g.desired.get() < 2)
      redundancy = "single-AZ";
    String failover =
        g.kind == ComputeGroup.Kind.EC2_INSTANCE
            ? "none (no Auto Scaling group)"
            : g.kind == ComputeGroup.Kind.ECS_SERVICE
                ? "automatic (ECS replaces failed tasks)"
                : "automatic (Auto Scaling replaces failed instances)";
    String type =
        g.kind == ComputeGroup.Kind.ECS_SERVICE
            ? "ECS service"
            : g.kind == ComputeGroup.Kind.EC2_INSTANCE ? "EC2 instance" : "Auto Scaling group";
    String blast =
        role.path() == Roles.Path.REQUEST ? "Requests served by " + g.id : "Work done by " + g.id;
    return row(g, type, findings, redundancy, blast, failover);
  }

  /**
   * A Kubernetes workload: one replica is a single point of failure, several are zone-redundant
   * only when the workload asks the scheduler to spread them; its blast radius is what routes to
   * it.
   */
  /** A Compose service: its containers on the project's one Docker host, restarted or not. */
  private static Assessment.SpofRow composeRow(ComputeGroup g, Map<String, Risk> findings) {
    String redundancy =
        g.replication == ComputeGroup.Replication.BATCH
            ? "one-off (runs to completion)"
            : !g.desired.present()
                ? "Cannot Determine"
                : g.desired.get() < 2
                    ? "single container, one host"
                    : g.desired.get() + " containers, one host";
    String failover =
        g.restartPolicy.present() && !List.of("no", "none").contains(g.restartPolicy.get())
            ? "Docker restarts exited containers (restart: " + g.restartPolicy.get() + ")"
            : g.restartPolicy.present()
                ? "none (restart: " + g.restartPolicy.get() + ")"
                : "Cannot Determine";
    return row(g, g.type, findings, redundancy, "Work done by Compose service " + g.id, failover);
  }

  private static Assessment.SpofRow kubernetesRow(
      ComputeGroup g, Map<String, Risk> findings, Roles.Role role) {
    Value<Integer> fewest = g.fewestInstances();
    String redundancy;
    if (g.replication == ComputeGroup.Replication.PER_NODE) redundancy = "one pod per node";
    else if (g.replication == ComputeGroup.Replication.BATCH)
      redundancy = "batch (runs to completion)";
    else if (!fewest.present()) redundancy = "Cannot Determine";
    else if (fewest.get() < 2) redundancy = "single replica";
    else if (g.zoneSpread.isTrue()) redundancy = fewest.get() + " replicas, spread across zones";
    else redundancy = fewest.get() + " replicas, zone spread not required";
    String failover =
        g.replication == ComputeGroup.Replication.NONE
            ? "none (nothing recreates a bare pod)"
            : "automatic (the controller recreates failed pods)";
    String blast =
        g.servedBy.isEmpty()
            ? "Work done by " + g.kubernetesName()
            : "Requests routed by "
                + String.join(
                    ", ", g.servedBy.stream().map(s -> "Service " + s.name.orElse(s.id)).toList());
    return row(g, g.type, findings, redundancy, blast, failover);
  }

  /** The blast radius with the compute components known to use the resource. */
  private static String withUsers(String blast, Roles.Role role) {
    return role.users().isEmpty() ? blast : blast + ": " + String.join(", ", role.users());
  }

  private static Assessment.SpofRow row(
      Resource r,
      String type,
      Map<String, Risk> findings,
      String redundancy,
      String blast,
      String failover) {
    Risk risk = findings.getOrDefault(r.id, Risk.LOW);
    return new Assessment.SpofRow(r.id, type, r.declaration(), redundancy, blast, failover, risk);
  }

  private static List<Assessment.RecoveryRow> recovery(Workload w) {
    List<Assessment.RecoveryRow> rows = new ArrayList<>();
    boolean tested =
        !w.all(RestoreTestingPlan.class).isEmpty()
            || w.repositoryEvidence.containsKey(EvidenceKind.RESTORE_TEST)
            || w.repositoryEvidence.containsKey(EvidenceKind.DR_RUNBOOK);
    String testedText =
        tested ? "Partial evidence (restore test or DR runbook in repository)" : "No evidence";
    for (Resource r : BackupCoverage.dataStores(w)) {
      BackupCoverage.Result cov = BackupCoverage.of(w, r);
      List<String> mechanisms = new ArrayList<>();
      Backup backup = builtInBackup(r, mechanisms);
      for (BackupCoverage.Protection p : cov.protections()) {
        if (p.plan() == null) continue;
        mechanisms.add("AWS Backup plan " + p.plan().id);
        if (backup.frequency().equals("none")) backup = planBackup(p.plan());
      }
      if (r instanceof OperatorDatabase d && BackupCoverage.operatorBackup(w, d) != null) {
        mechanisms.add(d.operator + " backups");
        backup =
            new Backup(
                "the operator's schedule",
                "the operator's retention policy",
                "up to the backup interval (less with WAL archiving)",
                "hours estimated: the operator restores into a new cluster");
      }
      if (r instanceof Volume v && v.isClaim()) {
        for (BackupCoverage.ClaimProtection p : BackupCoverage.ofClaim(w, v).protections()) {
          mechanisms.add(p.backup().describe());
          if (backup.frequency().equals("none")) backup = claimBackup(p.backup());
        }
      }
      List<Location> offsite = BackupCoverage.offsiteEvidence(w, r);
      rows.add(
          new Assessment.RecoveryRow(
              r.id,
              r.type,
              r.declaration(),
              mechanisms.isEmpty() ? "none" : String.join("; ", mechanisms),
              backup.frequency(),
              backup.retention(),
              backup.rpo(),
              backup.rto(),
              offsite.isEmpty() ? "No" : "Yes (" + offsite.get(0) + ")",
              testedText));
    }
    for (Cache c : w.all(Cache.class)) {
      String snap =
          c.snapshotRetentionDays.present() && c.snapshotRetentionDays.get() > 0
              ? "daily snapshots"
              : "none";
      rows.add(
          new Assessment.RecoveryRow(
              c.id,
              c.type,
              c.declaration(),
              snap,
              snap.equals("none") ? "none" : "daily",
              c.snapshotRetentionDays.present() && c.snapshotRetentionDays.get() > 0
                  ? c.snapshotRetentionDays.get() + " day(s)"
                  : "none",
              snap.equals("none")
                  ? "all cached data (rebuilt from the source of truth)"
                  : "up to 24 hours",
              "minutes to warm up from the source of truth, if the application can run cold",
              "No",
              testedText));
    }
    rows =
        SameObjects.mergeRows(
            rows,
            w,
            Assessment.RecoveryRow::evidence,
            (r, evidence) ->
                new Assessment.RecoveryRow(
                    r.resource(),
                    r.type(),
                    evidence,
                    r.backup(),
                    r.frequency(),
                    r.retention(),
                    r.rpo(),
                    r.rto(),
                    r.crossRegion(),
                    r.tested()));
    rows.sort(Comparator.comparing(Assessment.RecoveryRow::resource));
    return rows;
  }

  /**
   * How often a data store is backed up, how long backups are kept, and the recovery objectives
   * that follow.
   */
  private record Backup(String frequency, String retention, String rpo, String rto) {}

  private static final Backup NO_BACKUP =
      new Backup(
          "none",
          "none",
          "unbounded: data since creation can be lost",
          "unbounded: no restore source");

  /**
   * The backup a data store's own settings give, with its mechanism added to {@code mechanisms}.
   */
  private static Backup builtInBackup(Resource r, List<String> mechanisms) {
    if (r instanceof Database d
        && d.backupRetentionDays.present()
        && d.backupRetentionDays.get() > 0) {
      mechanisms.add("automated backups with point-in-time restore");
      return new Backup(
          "continuous (transaction logs every 5 minutes) + daily snapshot",
          d.backupRetentionDays.get()
              + " day(s)"
              + (d.backupRetentionDays.isExplicit() ? "" : " (default)"),
          "about 5 minutes (point-in-time restore)",
          "1-3 hours estimated: restore creates a new instance, duration grows with size; "
              + (d.multiAz.isTrue() || d.members.size() > 1
                  ? "zone failures fail over in 1-2 minutes"
                  : "no standby for zone failures"));
    } else if (r instanceof Table t && t.pointInTimeRecovery.isTrue()) {
      mechanisms.add("point-in-time recovery");
      return new Backup(
          "continuous",
          "35 days (PITR window)",
          "about 1 second within the PITR window",
          "hours estimated: restore creates a new table, duration grows with size; clients must switch to it");
    } else if (r instanceof Bucket b && "Enabled".equalsIgnoreCase(b.versioning.orElse(""))) {
      mechanisms.add("object versioning");
      return new Backup(
          "every write (versioned)",
          "until lifecycle expiry of noncurrent versions",
          "0 for overwrites and deletes (previous versions kept)",
          "minutes to hours: restore previous versions object by object");
    } else if (r instanceof FileSystem f && "ENABLED".equalsIgnoreCase(f.backupPolicy.orElse(""))) {
      mechanisms.add("EFS automatic backups (AWS Backup default plan)");
      return new Backup(
          "daily",
          "35 days (default plan)",
          "up to 24 hours",
          "hours estimated: restore to a new or existing file system");
    }
    return NO_BACKUP;
  }

  /** The backup a Kubernetes schedule or snapshot gives a claim. */
  private static Backup claimBackup(KubernetesBackup b) {
    String rto = "hours estimated: restore the volume from the snapshot and re-create the claim";
    if (b.schedule == null)
      return new Backup(
          "once (a single VolumeSnapshot)",
          "until the VolumeSnapshot is deleted",
          "everything written since the snapshot",
          rto);
    return new Backup(
        b.schedule,
        b.retention == null ? "Cannot Determine from the manifest" : b.retention,
        "up to the schedule interval (" + b.schedule + ")",
        rto);
  }

  /** The backup an AWS Backup plan gives: its first rule's schedule and its shortest retention. */
  private static Backup planBackup(BackupPlan plan) {
    var ret = BackupCoverage.shortestRetention(plan);
    String frequency =
        plan.rules.isEmpty() ? "unknown" : plan.rules.get(0).schedule().orElse("unknown");
    return new Backup(
        frequency,
        ret.present()
            ? ret.get() + " day(s)"
            : ret.unresolved() ? "Cannot Determine" : "kept until deleted",
        "up to the backup interval (" + frequency + ")",
        "hours estimated: restore from the recovery point to a new resource");
  }

  // ---------------------------------------------------------------- Well-Architected questions

  /** Every Well-Architected reliability question, answered from the rules that map to it. */
  private static List<Assessment.WaQuestion> questions(
      Workload w,
      List<Assessment.NumberedFinding> findings,
      List<Strength> strengths,
      List<Undetermined> undetermined) {
    List<Assessment.WaQuestion> out = new ArrayList<>();
    boolean network = !w.all(Subnet.class).isEmpty() || !w.all(NatGateway.class).isEmpty();
    Map<String, List<Assessment.NumberedFinding>> findingsOf =
        byQuestion(findings, f -> f.finding().rule().bestPractices());
    Map<String, List<Strength>> strengthsOf = byQuestion(strengths, Strength::bestPractices);
    Map<String, List<Undetermined>> undeterminedOf =
        byQuestion(undetermined, u -> u.rule().bestPractices());
    for (Map.Entry<String, String> q : WaQuestions.TITLES.entrySet()) {
      String id = q.getKey();
      List<Assessment.NumberedFinding> fs = findingsOf.getOrDefault(id, List.of());
      List<Strength> ss = strengthsOf.getOrDefault(id, List.of());
      List<Undetermined> us = undeterminedOf.getOrDefault(id, List.of());
      Set<String> bps = new TreeSet<>();
      fs.forEach(f -> bps.addAll(practicesOf(f.finding().rule().bestPractices(), id)));
      ss.forEach(s -> bps.addAll(practicesOf(s.bestPractices(), id)));
      String status = status(id, fs, ss, network);
      String risk =
          fs.stream()
              .map(Assessment.NumberedFinding::risk)
              .min(Comparator.naturalOrder())
              .map(r -> r.title)
              .orElse(status.equals("Implemented") ? "Low" : "Unknown");
      String deciding =
          status.equals("Cannot Determine")
              ? "Would be decided by: " + WaQuestions.DECIDING.get(id)
              : status.equals("Not Applicable")
                  ? "No VPC networking is declared; the workload uses managed endpoints"
                  : "";
      out.add(
          new Assessment.WaQuestion(
              id,
              q.getValue(),
              status,
              questionEvidence(fs, ss),
              gaps(fs, us),
              risk,
              List.copyOf(bps),
              deciding));
    }
    return out;
  }

  /**
   * The items that answer each question (through any of their best practices), each list in the
   * items' order: one pass over the findings instead of one per question.
   */
  static <T> Map<String, List<T>> byQuestion(
      List<T> items, Function<T, List<String>> bestPracticesOf) {
    Map<String, List<T>> out = new HashMap<>();
    for (T item : items) {
      List<String> practices = bestPracticesOf.apply(item);
      for (int i = 0; i < practices.size(); i++) {
        String question = WaQuestions.questionOf(practices.get(i));
        if (!askedBefore(practices, i, question))
          out.computeIfAbsent(question, k -> new ArrayList<>()).add(item);
      }
    }
    return out;
  }

  /** Whether a best practice before index {@code i} belongs to the same question. */
  private static boolean askedBefore(List<String> practices, int i, String question) {
    for (int j = 0; j < i; j++) {
      if (WaQuestions.questionOf(practices.get(j)).equals(question)) return true;
    }
    return false;
  }

  /** The best practices among these that belong to the question. */
  private static List<String> practicesOf(List<String> bestPractices, String question) {
    return bestPractices.stream().filter(b -> WaQuestions.questionOf(b).equals(question)).toList();
  }

  /**
   * Findings and strengths together are partial; REL2 (network topology) does not apply without any
   * VPC networking; nothing either way cannot be determined.
   */
  private static String status(
      String id, List<Assessment.NumberedFinding> fs, List<Strength> ss, boolean network) {
    if (!fs.isEmpty() && !ss.isEmpty()) return "Partially Implemented";
    if (!fs.isEmpty()) return "Not Implemented";
    if (!ss.isEmpty()) return "Implemented";
    if (id.equals("REL2") && !network) return "Not Applicable";
    return "Cannot Determine";
  }

  /** Up to 8 strength locations, then the first location of findings, up to 12 in all. */
  private static List<Location> questionEvidence(
      List<Assessment.NumberedFinding> fs, List<Strength> ss) {
    List<Location> evidence = new ArrayList<>();
    for (Strength s : ss)
      for (Location l : s.evidence())
        if (evidence.size() < 8 && !evidence.contains(l)) evidence.add(l);
    for (var f : fs)
      if (!f.finding().evidence().isEmpty()
          && evidence.size() < 12
          && !evidence.contains(f.finding().evidence().get(0))) {
        evidence.add(f.finding().evidence().get(0));
      }
    return evidence;
  }

  /** The findings against the question, then what could not be determined for it. */
  private static List<Assessment.Gap> gaps(
      List<Assessment.NumberedFinding> fs, List<Undetermined> us) {
    List<Assessment.Gap> gaps = new ArrayList<>();
    for (Assessment.NumberedFinding f : fs) gaps.add(Assessment.Gap.of(f));
    for (Undetermined u : us) gaps.add(Assessment.Gap.of(u));
    return gaps;
  }
}
