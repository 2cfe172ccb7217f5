class CreateActiveCustomersView < ActiveRecord::Migration[7.0]
  def up
    execute <<~SQL
      CREATE VIEW active_customers AS
        SELECT c.*
          FROM customers c
         WHERE EXISTS (SELECT 1 FROM orders o
                        WHERE o.customer_id = c.id
                          AND o.placed_at > now() - interval '1 year');
    SQL
  end

  def down
    execute "DROP VIEW active_customers"
  end
end
