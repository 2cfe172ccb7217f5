class CreateProducts < ActiveRecord::Migration[7.0]
  def change
    create_table :products do |t|
      t.string :name, null: false
      t.string :sku, null: false
      t.string :legacy_sku
      t.text :description
      t.integer :price_cents, null: false, default: 0
      t.string :currency, limit: 3, null: false, default: "EUR"
      t.references :category, foreign_key: true
      t.timestamps
    end
    add_index :products, :sku, unique: true
  end
end
