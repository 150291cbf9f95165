// The contract step ships with the code change: the running release still reads sku and writes
// products without a brand.
exports.up = function (knex) {
  return knex.schema
    .alterTable('products', (table) => {
      table.dropColumn('sku'); // relplan:finding
      table.renameColumn('title', 'name'); // relplan:finding
      table.string('brand').notNullable(); // relplan:finding
      table.string('currency').notNullable().defaultTo('EUR');
    })
    .renameTable('product_tags', 'tags'); // relplan:finding
};

exports.down = function (knex) {
  return knex.schema.dropTable('products');
};
