class ChangeProductsPriceToDecimal < ActiveRecord::Migration[7.0]
  def up
    add_column :products, :price, :decimal, precision: 10, scale: 2
    execute "UPDATE products SET price = price_cents / 100.0"
    change_column :products, :price, :decimal, precision: 12, scale: 2, null: false
  end

  def down
    remove_column :products, :price
  end
end
