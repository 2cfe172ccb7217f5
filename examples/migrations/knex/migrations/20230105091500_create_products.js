exports.up = async function (knex) {
  await knex.schema.createTable('products', (table) => {
    table.increments('id');
    table.string('sku', 64).notNullable().unique();
    table.string('legacy_sku', 64);
    table.string('title').notNullable();
    table.integer('price').notNullable();
    table.text('description');
    table.timestamps(true, true);
  });
  await knex.schema.createTable('product_tags', (table) => {
    table.integer('product_id').references('products.id').onDelete('CASCADE');
    table.string('tag', 64);
    table.primary(['product_id', 'tag']);
  });
};

exports.down = async function (knex) {
  await knex.schema.dropTable('product_tags');
  await knex.schema.dropTable('products');
};
