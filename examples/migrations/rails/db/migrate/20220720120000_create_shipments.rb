class CreateShipments < ActiveRecord::Migration[7.0]
  def change
    create_table :shipments do |t|
      t.references :order, null: false, foreign_key: true
      t.string :carrier, null: false
      t.string :tracking_number
      t.datetime :shipped_at
      t.datetime :delivered_at
      t.timestamps
    end
  end
end
