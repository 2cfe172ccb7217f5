/**
 * @param { import("knex").Knex } knex
 */
exports.up = function (knex) {
  return knex.schema.createTable('customers', (table) => {
    table.increments('id');
    table.string('email', 320).notNullable().unique();
    table.string('name');
    table.string('nickname');
    table.timestamps(true, true);
  });
};

exports.down = function (knex) {
  return knex.schema.dropTable('customers');
};
