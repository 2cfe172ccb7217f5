exports.up = (knex) =>
  knex.schema.createTable('audit_log', (table) => {
    table.bigIncrements('id');
    table.string('actor', 128);
    table.string('action', 64).notNullable();
    table.jsonb('payload');
    table.timestamp('at').notNullable().defaultTo(knex.fn.now());
  });

exports.down = (knex) => knex.schema.dropTable('audit_log');
