class CreatePayments < ActiveRecord::Migration[7.0]
  def change
    create_table :payments, id: :uuid do |t|
      t.references :order, null: false, foreign_key: true
      t.string :provider, null: false
      t.string :provider_reference
      t.integer :amount_cents, null: false
      t.string :state, null: false, default: "pending"
      t.timestamps
    end
    add_index :payments, [:provider, :provider_reference], unique: true
  end
end
