class CreateCoupons < ActiveRecord::Migration[7.0]
  def change
    create_table :coupons do |t|
      t.string :code, null: false
      t.integer :discount_percent, null: false
      t.datetime :expires_at
      t.timestamps
    end
    add_index :coupons, :code, unique: true
    add_reference :orders, :coupon, foreign_key: true, index: true
  end
end
