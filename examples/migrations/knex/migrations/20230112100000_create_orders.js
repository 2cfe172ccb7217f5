exports.up = (knex) =>
  knex.schema
    .createTable('orders', (table) => {
      table.increments('id');
      table.integer('customer_id').notNullable().references('id').inTable('customers');
      table.integer('legacy_order_id');
      table.string('status', 32).notNullable().defaultTo('pending');
      table.integer('total').notNullable();
      table.timestamp('placed_at').defaultTo(knex.fn.now());
      table.index(['status']);
    })
    .createTable('line_items', (table) => {
      table.increments('id');
      table.integer('order_id').notNullable().references('orders.id');
      table.integer('product_id').notNullable().references('products.id');
      table.integer('quantity').notNullable().defaultTo(1);
    });

exports.down = (knex) => knex.schema.dropTable('line_items').dropTable('orders');
