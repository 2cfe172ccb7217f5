class AddShipmentsCarrierIndex < ActiveRecord::Migration[7.1]
  disable_ddl_transaction!

  def change
    add_index :shipments, [:carrier, :tracking_number], algorithm: :concurrently
    add_foreign_key :wishlists, :users, validate: false
  end
end
