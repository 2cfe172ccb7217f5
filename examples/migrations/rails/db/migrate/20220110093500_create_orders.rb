class CreateOrders < ActiveRecord::Migration[7.0]
  def change
    create_table :orders do |t|
      t.references :customer, null: false, foreign_key: true
      t.bigint :legacy_order_id
      t.string :status, null: false, default: "cart"
      t.integer :total_cents, null: false, default: 0
      t.datetime :placed_at
      t.timestamps
    end
    add_index :orders, :status
    add_index :orders, :legacy_order_id
  end
end
