package dev.relplan.portfolio;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * How a workload stands against its availability target, from what its report says. relplan's one
 * target-specific requirement is the seed's calibration (SPEC §3): 99.99% or more needs surviving a
 * Regional outage, which the rules {@code REL-SINGLE-REGION-FOR-TARGET} (no multi-Region building
 * blocks) and {@code REL-BACKUP-NO-CROSS-REGION} (a data store without a cross-Region copy) check.
 * A lower target adds no requirement; no target with a critical or high business tier leaves the
 * question open, as the report's own note says.
 *
 * @param target the target in percent as the report writes it, or null
 * @param findings the findings that miss the target's requirement
 * @param reason one sentence saying why the verdict is what it is
 */
public record TargetCheck(
    String workload,
    String target,
    String tier,
    Verdict verdict,
    List<WorkloadReport.Finding> findings,
    String reason) {

  /** From 99.99% a workload must survive a Regional outage. */
  static final BigDecimal MULTI_REGION_TARGET = new BigDecimal("99.99");

  /** The rules whose findings a multi-Region target makes requirements. */
  static final Set<String> MULTI_REGION_RULES =
      Set.of("REL-SINGLE-REGION-FOR-TARGET", "REL-BACKUP-NO-CROSS-REGION");

  public enum Verdict {
    MISSES("Misses"),
    CANNOT_DETERMINE("Cannot Determine"),
    MEETS("Meets"),
    NO_REQUIREMENT("No target-specific requirement"),
    NO_TARGET("No target stated");

    public final String title;

    Verdict(String title) {
      this.title = title;
    }
  }

  static TargetCheck of(WorkloadReport r) {
    if (r.availabilityTarget() == null) return withoutTarget(r);
    if (new BigDecimal(r.availabilityTarget()).compareTo(MULTI_REGION_TARGET) < 0)
      return check(
          r,
          Verdict.NO_REQUIREMENT,
          List.of(),
          "below 99.99%: surviving a Regional outage is not required");
    List<WorkloadReport.Finding> missing =
        r.findings().stream().filter(f -> MULTI_REGION_RULES.contains(f.rule())).toList();
    if (!missing.isEmpty())
      return check(
          r,
          Verdict.MISSES,
          missing,
          missing.size() + " finding(s) leave it unable to survive a Regional outage");
    if (r.undeterminedRules().stream().anyMatch(MULTI_REGION_RULES::contains))
      return check(
          r,
          Verdict.CANNOT_DETERMINE,
          List.of(),
          "whether every data store has a cross-Region copy could not be determined");
    return check(
        r, Verdict.MEETS, List.of(), "no finding says it cannot survive a Regional outage");
  }

  private static TargetCheck withoutTarget(WorkloadReport r) {
    if ("critical".equals(r.tier()) || "high".equals(r.tier()))
      return check(
          r,
          Verdict.CANNOT_DETERMINE,
          List.of(),
          "business tier "
              + r.tier()
              + " without an availability target: whether it needs multiple Regions is open");
    return check(r, Verdict.NO_TARGET, List.of(), "no availability target in the report");
  }

  private static TargetCheck check(
      WorkloadReport r, Verdict verdict, List<WorkloadReport.Finding> findings, String reason) {
    return new TargetCheck(
        r.workload(), r.availabilityTarget(), r.tier(), verdict, findings, reason);
  }
}
