class CreateCustomers < ActiveRecord::Migration[7.0]
  def change
    create_table :customers do |t|
      t.references :user, null: false, foreign_key: true
      t.string :company_name
      t.string :phone
      t.string :fax_number
      t.string :vat_id
      t.timestamps
    end
  end
end
