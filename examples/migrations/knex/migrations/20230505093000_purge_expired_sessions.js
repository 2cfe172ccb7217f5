exports.up = async (knex) => {
  await knex('sessions')
    .where('expires_at', '<', knex.fn.now())
    .del();
};

exports.down = async () => {
  // Expired sessions are not restored.
};
