exports.up = (knex) => knex.schema.renameTable('line_items', 'order_items');

exports.down = (knex) => knex.schema.renameTable('order_items', 'line_items');
