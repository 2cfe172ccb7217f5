class CreateAddresses < ActiveRecord::Migration[7.0]
  def change
    create_table :addresses do |t|
      t.references :addressable, polymorphic: true, null: false
      t.string :line1, null: false
      t.string :line2
      t.string :city, null: false
      t.string :postcode, null: false
      t.string :country_code, limit: 2, null: false
      t.timestamps
    end
  end
end
