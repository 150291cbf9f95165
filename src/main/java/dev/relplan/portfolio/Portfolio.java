package dev.relplan.portfolio;

import dev.relplan.source.InputError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * One overview across workloads, computed from their JSON reports: each workload's latest report,
 * the most frequent gaps, every Critical finding, how each workload stands against its availability
 * target, and the trend of each workload reported at two dates. Everything is sorted, so the same
 * reports give the same portfolio whatever order they were given in.
 *
 * @param workloads each workload, by name, with its reports oldest first
 * @param domains the scorecard's domains, in the order the reports list them
 * @param gaps the rules with findings, most widespread first
 * @param criticals every Critical finding of a workload's latest report
 * @param targets each workload's standing against its availability target
 * @param trends each workload with reports of two or more dates: its oldest against its latest
 */
public record Portfolio(
    List<Workload> workloads,
    List<String> domains,
    List<Gap> gaps,
    List<Critical> criticals,
    List<TargetCheck> targets,
    List<Trend> trends) {

  /** A workload and its reports, oldest first; the latest is the one the portfolio shows. */
  public record Workload(String name, List<WorkloadReport> reports) {
    public WorkloadReport latest() {
      return reports.get(reports.size() - 1);
    }
  }

  /**
   * A rule and how widespread its findings are in the workloads' latest reports.
   *
   * @param title the rule's title, or null for a rule this relplan does not know
   */
  public record Gap(String rule, String title, List<String> workloads, int findings) {}

  /** A Critical finding and the workload it was found in. */
  public record Critical(String workload, WorkloadReport.Finding finding) {}

  /** A workload's oldest and latest report, and the findings fixed and new between them. */
  public record Trend(
      String workload,
      WorkloadReport then,
      WorkloadReport now,
      List<WorkloadReport.Finding> fixed,
      List<WorkloadReport.Finding> added) {}

  /** The portfolio of these reports; two reports of one workload at one date are an input error. */
  public static Portfolio of(List<WorkloadReport> reports) {
    List<Workload> workloads = byWorkload(reports);
    List<WorkloadReport> latest = workloads.stream().map(Workload::latest).toList();
    return new Portfolio(
        workloads,
        domains(latest),
        Gaps.of(latest),
        criticals(latest),
        latest.stream().map(TargetCheck::of).toList(),
        trends(workloads));
  }

  private static List<Workload> byWorkload(List<WorkloadReport> reports) {
    Map<String, List<WorkloadReport>> byName = new TreeMap<>();
    for (WorkloadReport r : reports)
      byName.computeIfAbsent(r.workload(), k -> new ArrayList<>()).add(r);
    List<Workload> out = new ArrayList<>();
    for (var e : byName.entrySet()) {
      List<WorkloadReport> dated = new ArrayList<>(e.getValue());
      // ISO dates sort as text; a report without a date sorts first.
      dated.sort(
          Comparator.comparing(
                  WorkloadReport::date, Comparator.nullsFirst(Comparator.naturalOrder()))
              .thenComparing(WorkloadReport::file));
      for (int i = 1; i < dated.size(); i++) sameDate(dated.get(i - 1), dated.get(i));
      out.add(new Workload(e.getKey(), List.copyOf(dated)));
    }
    return out;
  }

  /** Two reports of one workload must differ in date to be told apart as then and now. */
  private static void sameDate(WorkloadReport a, WorkloadReport b) {
    if (!Objects.equals(a.date(), b.date())) return;
    throw new InputError(
        "'"
            + a.file()
            + "' and '"
            + b.file()
            + "' are both reports of workload '"
            + a.workload()
            + "' "
            + (a.date() == null ? "without a date" : "dated " + a.date())
            + ": give each report its own date (relplan assess --date) or each workload its own"
            + " name (--workload)");
  }

  private static List<String> domains(List<WorkloadReport> latest) {
    Set<String> out = new LinkedHashSet<>();
    for (WorkloadReport r : latest) for (var s : r.scores()) out.add(s.domain());
    return List.copyOf(out);
  }

  private static List<Critical> criticals(List<WorkloadReport> latest) {
    List<Critical> out = new ArrayList<>();
    for (WorkloadReport r : latest)
      for (WorkloadReport.Finding f : r.findings())
        if (f.risk().equals("Critical")) out.add(new Critical(r.workload(), f));
    return out;
  }

  private static List<Trend> trends(List<Workload> workloads) {
    List<Trend> out = new ArrayList<>();
    for (Workload w : workloads) {
      if (w.reports().size() < 2) continue;
      WorkloadReport then = w.reports().get(0);
      WorkloadReport now = w.latest();
      out.add(new Trend(w.name(), then, now, missingFrom(then, now), missingFrom(now, then)));
    }
    return out;
  }

  /** The findings of {@code a} whose fingerprint {@code b} does not have, in a's order. */
  private static List<WorkloadReport.Finding> missingFrom(WorkloadReport a, WorkloadReport b) {
    Set<String> other = new HashSet<>();
    for (WorkloadReport.Finding f : b.findings()) other.add(f.fingerprint());
    return a.findings().stream().filter(f -> !other.contains(f.fingerprint())).toList();
  }

  /** How many workloads miss their availability target's requirements. */
  public long missingTargets() {
    return targets.stream().filter(t -> t.verdict() == TargetCheck.Verdict.MISSES).count();
  }
}
