class AddSearchIndexToProducts < ActiveRecord::Migration[7.0]
  disable_ddl_transaction!

  def up
    # Trigram search; remove_index in down (not here).
    enable_extension "pg_trgm"
    execute <<~SQL
      CREATE INDEX CONCURRENTLY IF NOT EXISTS index_products_on_name_trgm
        ON products USING gin (name gin_trgm_ops);
    SQL
  end

  def down
    execute "DROP INDEX CONCURRENTLY IF EXISTS index_products_on_name_trgm"
  end
end
