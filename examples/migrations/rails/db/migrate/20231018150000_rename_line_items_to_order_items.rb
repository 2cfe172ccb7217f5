class RenameLineItemsToOrderItems < ActiveRecord::Migration[7.0]
  def change
    rename_table :line_items, :order_items
  end
end
