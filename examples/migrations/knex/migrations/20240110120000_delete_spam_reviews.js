exports.up = async (knex) => {
  await knex.transaction(async (trx) => {
    await trx('reviews').where({ spam: true }).delete();
    await trx.raw("INSERT INTO audit_log (action, payload) VALUES ('purge', '{\"what\": \"spam reviews\"}')");
  });
};
