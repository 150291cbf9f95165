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
            .advice(
                Fix.in(
                        Dialect.SQL,
                        "Use expand-and-contract across numbered pairs: this .up.sql should only add (a nullable column, or one with a DEFAULT) and backfill; the drop or rename goes into a later NNN_*.up.sql shipped with a later release, once no running version reads the old column (its .down.sql does not bring the data back).",
                        """
                -- 000042_add_customer_ref.up.sql (release N: expand)
                ALTER TABLE orders ADD COLUMN customer_ref VARCHAR(64);
                UPDATE orders SET customer_ref = customer_id;
                -- 000043_drop_customer_id.up.sql (release N+1, after every instance writes customer_ref)
                -- ALTER TABLE orders DROP COLUMN customer_id;
                """)
                    .when(
                        "golang-migrate migration",
                        r -> r instanceof Migration m && m.tool.equals("golang-migrate")),
                Fix.in(
                        Dialect.SQL,
                        "Prisma Migrate wrote this SQL from schema.prisma: keep the old field in the schema for this release (add the new one optional or with @default, and rename a field in code only, keeping its column with @map(\"old_name\")), review the SQL with prisma migrate dev --create-only, and remove the old field in a later release's migration, once no running version reads it.")
                    .when(
                        "Prisma Migrate migration",
                        r -> r instanceof Migration m && m.tool.equals("Prisma Migrate")),
                Fix.in(
                    Dialect.SQL,
                    "Use expand-and-contract: this script should only add (a nullable column, or one with a DEFAULT) and backfill; drop or rename in a later release's migration, once no running version reads the old column.",
                    """
                -- release N: expand
                ALTER TABLE orders ADD COLUMN customer_ref VARCHAR(64);
                UPDATE orders SET customer_ref = customer_id;
                -- release N+1, after every instance writes customer_ref: contract
                -- ALTER TABLE orders DROP COLUMN customer_id;
                """),
                Fix.in(
                        Dialect.PYTHON,
                        "Use expand-and-contract: this migration should only add (null=True, or with db_default) and backfill; remove or rename the old field in a later release's migration, once no running version reads it.",
                        """
                operations = [
                    # release N: expand only
                    migrations.AddField("order", "customer_ref", models.CharField(max_length=64, null=True)),
                ]
                # RemoveField("order", "customer_id") goes into a migration of release N+1
                """)
                    .when(
                        "Django migration",
                        r -> r instanceof Migration m && m.tool.equals("Django")),
                Fix.in(
                        Dialect.PYTHON,
                        "Use expand-and-contract: this migration should only add (nullable, or with a server default) and backfill; drop or rename in a later release's migration, once no running version reads the old column.",
                        """
                def upgrade():
                    # release N: expand only
                    op.add_column("orders", sa.Column("customer_ref", sa.String(64), nullable=True))
                    op.execute("UPDATE orders SET customer_ref = customer_id")
                    # the drop of customer_id goes into a migration of release N+1
                """)
                    .when(
                        "Alembic migration",
                        r -> r instanceof Migration m && m.tool.equals("Alembic")))
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
