package dev.relplan.rules.change;

import dev.relplan.model.Migration;
import dev.relplan.model.Workload;
import dev.relplan.rules.*;

/**
 * A schema migration the release still running cannot work with (drop, rename, NOT NULL without
 * default).
 */
public final class CodeBreakingMigration extends BaseRule {
  public CodeBreakingMigration() {
    super(
        RuleMeta.builder("REL-CODE-BREAKING-MIGRATION")
            .flag("CM-NON-BACKWARD-COMPATIBLE-MIGRATION")
            .domain(Domain.CHANGE)
            .title("Schema migration is not backward compatible with the running release")
            .bestPractices("REL08-BP04", "REL08-BP05")
            .impact(
                Impact.SEVERE,
                "During a rolling or blue/green deployment, and after any rollback, the previous release runs against the new schema and its queries fail.")
            .likelihood(
                Likelihood.MEDIUM,
                "Every deployment that applies the migration before all instances run the new code exposes it; a rollback makes it permanent.")
            .tier(Tier.FOUNDATION)
            .effort("Days: split into expand and contract migrations")
            .remediation(
                "Use expand-and-contract: add the new column or table (nullable or with a server default) and dual-write first, deploy code that no longer uses the old one, and only drop or rename in a later release once no running version depends on it.")
            .formats(InputFormat.CODE)
            .build());
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    for (Migration m : w.breakingMigrations) {
      out.report(
          this,
          m,
          m.tool + " migration " + m.change,
          "The migration at " + m.location + " " + m.change + ": " + m.why + ".");
    }
  }
}
