package dev.relplan.rules.recovery;

import dev.relplan.model.*;
import dev.relplan.rules.*;
import java.util.*;

/** Nothing in the repository shows that recovery has ever been exercised. */
public final class RecoveryUntested extends BaseRule {
  public RecoveryUntested() {
    super(
        RuleMeta.builder("REL-RECOVERY-UNTESTED")
            .flag("RC-NO-RECOVERY-TESTING")
            .domain(Domain.RECOVERY)
            .title("No evidence of recovery testing")
            .bestPractices("REL09-BP04", "REL12-BP04", "REL13-BP03")
            .impact(
                Impact.SEVERE,
                "Backups and failover that were never exercised often fail when needed, turning an incident into data loss or a long outage.")
            .likelihood(
                Likelihood.MEDIUM,
                "Untested restore paths commonly break (permissions, missing steps, changed schemas).")
            .tier(Tier.STRATEGIC)
            .effort("Weeks: write a DR runbook, automate a restore test, add FIS experiments")
            .services("AWS FIS", "AWS Backup")
            .remediation(
                "Write a DR runbook with the restore and failover steps, schedule AWS Backup restore testing, and add AWS FIS experiments (AZ power interruption, database failover) run on a regular cadence.")
            .dependsOn("REL-BACKUP-MISSING")
            .advice(
                Fix.in(
                        Dialect.KUBERNETES,
                        "Write a DR runbook with the restore and failover steps, restore a Velero backup (or a volume snapshot) into a scratch namespace on a schedule and check the data, and run pod deletion and node drain experiments (AWS FIS aws:eks actions, or Chaos Mesh / LitmusChaos) on a regular cadence.")
                    .forRepositoryGap()
                    .effort(
                        "Weeks: write a DR runbook, automate a Velero restore test, add pod and node experiments")
                    .involving("EKS", "AWS FIS"))
            .formats(InputFormat.CLOUDFORMATION, InputFormat.TERRAFORM, InputFormat.KUBERNETES)
            .build());
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    List<FisExperiment> fis = w.all(FisExperiment.class);
    List<RestoreTestingPlan> restores = w.all(RestoreTestingPlan.class);
    List<String> runbooks = new ArrayList<>();
    for (var kind :
        List.of(
            EvidenceKind.DR_RUNBOOK, EvidenceKind.RESTORE_TEST, EvidenceKind.CHAOS_EXPERIMENT)) {
      runbooks.addAll(w.repositoryEvidence.getOrDefault(kind, List.of()));
    }
    if (!fis.isEmpty())
      out.strength(
          this,
          fis.size() + " AWS FIS experiment template(s) exercise failure handling",
          fis.stream().map(f -> f.location).toList());
    if (!restores.isEmpty())
      out.strength(
          this,
          "AWS Backup restore testing is configured",
          restores.stream().map(r -> r.location).toList());
    if (!runbooks.isEmpty())
      out.strength(
          this,
          "Recovery runbooks or drills are kept in the repository: " + String.join(", ", runbooks),
          List.of());
    if (!fis.isEmpty() || !restores.isEmpty() || !runbooks.isEmpty()) return;
    boolean hasState =
        !BackupCoverage.dataStores(w).isEmpty()
            || !w.all(ComputeGroup.class).isEmpty()
            || !w.all(Function.class).isEmpty();
    if (!hasState) return;
    out.reportAbsence(
        this,
        w,
        "No evidence of recovery testing",
        "Searched every scanned template for AWS FIS experiment templates and AWS Backup restore testing plans, and the repository for DR/failover runbooks, restore tests and chaos or game-day material (by file name): none found.");
  }
}
