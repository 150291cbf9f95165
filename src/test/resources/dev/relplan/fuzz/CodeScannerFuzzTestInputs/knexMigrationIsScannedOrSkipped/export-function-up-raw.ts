import type { Knex } from "knex";

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable("review_archive", (t) => {
    t.increments("id");
  });
  await knex.schema.dropTable("review_archive");
  await knex.schema.dropTableIfExists("reviews"); // relplan:finding
  await knex.raw("ALTER TABLE products ALTER COLUMN price SET NOT NULL"); // relplan:finding
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable("products", (t) => {
    t.dropColumn("price");
  });
}
