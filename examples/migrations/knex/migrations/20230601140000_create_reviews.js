exports.up = function (knex) {
  return knex.schema.createTable('reviews', function (table) {
    table.increments();
    table.integer('product_id').notNullable().references('products.id');
    table.integer('customer_id').references('customers.id');
    table.smallint('rating').notNullable();
    table.text('body');
    table.boolean('spam').notNullable().defaultTo(false);
    table.timestamps(true, true);
  });
};

exports.down = function (knex) {
  return knex.schema.dropTable('reviews');
};
