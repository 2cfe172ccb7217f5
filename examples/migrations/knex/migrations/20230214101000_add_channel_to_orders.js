exports.up = async function (knex) {
  await knex.schema.alterTable('orders', (table) => {
    table.string('channel', 16);
  });
  // Backfill: every order placed before this migration came from the web shop.
  await knex('orders').whereNull('channel').update({ channel: 'web' });
};

exports.down = async function (knex) {
  await knex.schema.alterTable('orders', (table) => {
    table.dropColumn('channel');
  });
};
