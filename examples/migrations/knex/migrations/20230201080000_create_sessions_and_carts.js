exports.up = async (knex) => {
  await knex.raw('CREATE EXTENSION IF NOT EXISTS "pgcrypto"');
  await knex.schema.createTable('sessions', (table) => {
    table.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    table.integer('customer_id').references('customers.id');
    table.jsonb('data');
    table.timestamp('expires_at').notNullable();
  });
  await knex.schema.createTable('abandoned_carts', (table) => {
    table.increments('id');
    table.integer('customer_id');
    table.jsonb('items');
    table.timestamp('abandoned_at');
  });
};

exports.down = async (knex) => {
  await knex.schema.dropTableIfExists('abandoned_carts');
  await knex.schema.dropTableIfExists('sessions');
};
