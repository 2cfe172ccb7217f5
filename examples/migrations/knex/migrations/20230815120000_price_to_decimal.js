exports.up = async function (knex) {
  await knex.schema.alterTable('products', (table) => {
    table.decimal('price', 12, 2).notNullable().alter();
  });
  await knex('products').update({ price: knex.raw('price / 100.0') });
};

exports.down = async function (knex) {
  await knex('products').update({ price: knex.raw('price * 100') });
  await knex.schema.alterTable('products', (table) => {
    table.integer('price').notNullable().alter();
  });
};
