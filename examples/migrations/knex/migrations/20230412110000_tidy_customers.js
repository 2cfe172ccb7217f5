exports.up = async function (knex) {
  await knex.schema.alterTable('customers', (table) => {
    table.renameColumn('name', 'full_name');
    table.dropColumn('nickname');
  });
};

exports.down = async function (knex) {
  await knex.schema.alterTable('customers', (table) => {
    table.string('nickname');
    table.renameColumn('full_name', 'name');
  });
};
