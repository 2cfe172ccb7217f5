exports.up = async (knex) => {
  await knex.schema.dropTable('abandoned_carts');
};

exports.down = async (knex) => {
  await knex.schema.createTable('abandoned_carts', (table) => {
    table.increments('id');
    table.integer('customer_id');
    table.jsonb('items');
    table.timestamp('abandoned_at');
  });
  await knex.raw(
    'INSERT INTO abandoned_carts (customer_id, items, abandoned_at) ' +
      'SELECT customer_id, items, abandoned_at FROM archive.abandoned_carts',
  );
};
