# The import from the old shop finished in 2022; nothing reads legacy_order_id any more.
class RemoveLegacyOrderIdFromOrders < ActiveRecord::Migration[7.0]
  def up
    remove_index :orders, :legacy_order_id
    remove_column :orders, :legacy_order_id
  end

  def down
    raise ActiveRecord::IrreversibleMigration
  end
end
