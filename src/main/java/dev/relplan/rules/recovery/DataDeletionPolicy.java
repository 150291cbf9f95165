package dev.relplan.rules.recovery;

import dev.relplan.model.*;
import dev.relplan.rules.*;
import java.util.*;

/** Data stores that a stack deletion or resource replacement would delete outright. */
public final class DataDeletionPolicy extends BaseRule {
  public DataDeletionPolicy() {
    super(
        RuleMeta.builder("REL-DATA-DELETION-POLICY")
            .domain(Domain.RECOVERY)
            .title("Data store is deleted with its stack")
            .bestPractices("REL09-BP01", "REL08-BP04")
            .impact(
                Impact.MODERATE,
                "A mistaken stack deletion or a property change that forces replacement deletes the data with no final snapshot.")
            .likelihood(Likelihood.LOW, "It takes an operator error or a replacing update.")
            .tier(Tier.QUICK_WIN)
            .effort("Minutes: DeletionPolicy Retain/Snapshot or deletion protection")
            .services("CloudFormation", "RDS", "DynamoDB")
            .remediation(
                "Set DeletionPolicy and UpdateReplacePolicy to Retain (or Snapshot where supported) on data stores, and enable deletion protection on databases and tables.")
            .formats(InputFormat.CLOUDFORMATION, InputFormat.TERRAFORM)
            .build());
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    for (Resource r : BackupCoverage.dataStores(w)) {
      if (r instanceof Volume || r instanceof Bucket)
        continue; // S3 refuses to delete non-empty buckets
      Value<Boolean> protection =
          r instanceof Database d
              ? d.deletionProtection
              : r instanceof Table t ? t.deletionProtection : Value.absent();
      if (protection.isTrue()) continue;
      if (r.onDelete.unresolved()) {
        out.report(
            this, r, "", "", r.onDelete); // Cannot Determine: the policy is computed at deploy time
        continue;
      }
      if (!"DELETE".equals(r.onDelete.orElse(""))) continue;
      // Deletion protection set from an unresolvable value may be on: Cannot Determine rather than
      // a guess.
      out.report(
          this,
          r,
          r.id + " is deleted with its stack",
          r.id
              + " has DeletionPolicy "
              + r.onDelete
              + " and no deletion protection: removing the stack or replacing the resource deletes its data.",
          r.onDelete,
          protection);
    }
  }
}
