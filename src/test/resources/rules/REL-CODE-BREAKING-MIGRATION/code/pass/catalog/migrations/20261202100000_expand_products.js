// Expand only: the new column is nullable and backfilled; sku is dropped in a later release.
exports.up = async (knex) => {
  await knex.schema.alterTable('products', (table) => {
    table.string('name');
    table.integer('stock').notNullable().defaultTo(0);
    table.index(['name']);
  });
  await knex('products').update({ name: knex.ref('title') });
};

exports.down = async (knex) => {
  await knex.schema.alterTable('products', (table) => {
    table.dropColumn('name');
    table.dropColumn('stock');
  });
};
