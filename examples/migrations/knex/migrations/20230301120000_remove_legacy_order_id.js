// The import from the old shop is finished; legacy_order_id is no longer read anywhere.
exports.up = function (knex) {
  return knex.schema.table('orders', function (table) {
    table.dropIndex(['legacy_order_id']);
    table.dropColumn('legacy_order_id');
  });
};

exports.down = function (knex) {
  return knex.schema.table('orders', function (table) {
    table.integer('legacy_order_id');
    table.index(['legacy_order_id']);
  });
};
