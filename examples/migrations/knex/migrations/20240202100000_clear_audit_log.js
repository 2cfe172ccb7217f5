// The audit log moved to the warehouse; its rows were exported on 2024-02-01.
exports.up = async (knex) => {
  await knex('audit_log').truncate();
};

exports.down = async () => {};
