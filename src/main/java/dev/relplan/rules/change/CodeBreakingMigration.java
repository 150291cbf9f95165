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
            .advice(
                Fix.in(
                    Dialect.RUBY,
                    "Use expand-and-contract: in this release only add (null: true, or with a default:) and backfill; to drop or rename, first list the column in the model's self.ignored_columns and deploy that, then remove it in a later release's migration (a rename is a new column, written by both releases, then the drop).",
                    """
                # release N: app/models/order.rb stops reading and writing the column
                class Order < ApplicationRecord
                  self.ignored_columns += ["customer_id"]
                end

                # release N+1: db/migrate/20261201000000_remove_customer_id_from_orders.rb
                class RemoveCustomerIdFromOrders < ActiveRecord::Migration[7.1]
                  def change
                    remove_column :orders, :customer_id, :bigint
                  end
                end
                """))
            .advice(
                Fix.in(
                        Dialect.JAVASCRIPT,
                        "Use expand-and-contract: this migration's up() should only add (nullable, or .notNullable().defaultTo(...)) and backfill; drop or rename in a later release's migration file (knex migrate:make), once no running version reads the old column.",
                        """
                // 20261201000000_add_customer_ref.js (release N: expand)
                exports.up = async (knex) => {
                  await knex.schema.alterTable('orders', (table) => {
                    table.string('customer_ref', 64).nullable();
                  });
                  await knex('orders').update({ customer_ref: knex.ref('customer_id') });
                };
                // table.dropColumn('customer_id') goes into a migration of release N+1
                """)
                    .when("Knex migration", r -> r instanceof Migration m && m.tool.equals("Knex")))
            .advice(
                Fix.in(
                        Dialect.CSHARP,
                        "Split the change into two migrations shipped in two releases: this one only adds (nullable: true, or with defaultValue/defaultValueSql) and backfills with migrationBuilder.Sql; keep the old property mapped, and remove it from the model (dotnet ef migrations add) in a later release, once no running version maps it.",
                        """
                // release N: AddCustomerRef (expand)
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<string>(
                        name: "CustomerRef", table: "Orders", maxLength: 64, nullable: true);
                    migrationBuilder.Sql("UPDATE Orders SET CustomerRef = CustomerId");
                }
                // release N+1: DropCustomerId (contract), added once no running version maps CustomerId
                """)
                    .when(
                        "EF Core migration",
                        r -> r instanceof Migration m && m.tool.equals("EF Core")))
            .advice(
                Fix.in(
                        Dialect.JAVA,
                        "Use expand-and-contract: this Java migration should only add (a nullable column, or one with a DEFAULT) and backfill; run the drop or rename from a later V<n>__ migration shipped with a later release, once no running version reads the old column.",
                        """
                // release N: V7__Add_customer_ref.java (expand)
                public class V7__Add_customer_ref extends BaseJavaMigration {
                  @Override
                  public void migrate(Context context) throws Exception {
                    try (Statement s = context.getConnection().createStatement()) {
                      s.execute("ALTER TABLE orders ADD COLUMN customer_ref VARCHAR(64)");
                      s.execute("UPDATE orders SET customer_ref = customer_id");
                    }
                  }
                }
                // release N+1: V8__Drop_customer_id.java, once every instance writes customer_ref
                """)
                    .when(
                        "Flyway Java migration",
                        r -> r instanceof Migration m && m.tool.equals("Flyway")))
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
