exports.up = async (knex) => {
  await knex.schema.alterTable('reviews', (table) => {
    table.index(['product_id', 'created_at']);
  });
  await knex.raw('CREATE INDEX CONCURRENTLY IF NOT EXISTS reviews_spam_idx ON reviews (spam) WHERE spam');
};

exports.down = async (knex) => {
  await knex.raw('DROP INDEX IF EXISTS reviews_spam_idx');
  await knex.schema.alterTable('reviews', (table) => {
    table.dropIndex(['product_id', 'created_at']);
  });
};

exports.config = { transaction: false };
