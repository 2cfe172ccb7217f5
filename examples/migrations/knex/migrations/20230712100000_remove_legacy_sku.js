exports.up = async (knex) => {
  await knex.schema.alterTable('products', (table) => {
    // airlock:allow drop-column legacy_sku was copied into sku in 20230105; checked by the catalog team
    table.dropColumn('legacy_sku');
  });
};

exports.down = async (knex) => {
  await knex.schema.alterTable('products', (table) => {
    table.string('legacy_sku', 64);
  });
  await knex.raw('UPDATE products SET legacy_sku = sku');
};
