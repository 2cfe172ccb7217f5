class DropStatusIndexOnOrders < ActiveRecord::Migration[7.0]
  disable_ddl_transaction!

  def change
    add_index :orders, [:status, :placed_at], algorithm: :concurrently
    remove_index :orders, :status, algorithm: :concurrently
  end
end
