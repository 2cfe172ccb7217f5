// Tags moved into products.tags (jsonb) in the catalog service.
exports.up = async function (knex) {
  await knex.schema.alterTable('products', (table) => {
    table.jsonb('tags').notNullable().defaultTo('[]');
  });
  await knex.raw(`
    UPDATE products p
       SET tags = coalesce((SELECT jsonb_agg(t.tag) FROM product_tags t WHERE t.product_id = p.id), '[]')
  `);
  await knex.schema.dropTable('product_tags');
};

exports.down = async function () {
  throw new Error('product_tags cannot be rebuilt; restore it from the backup');
};
