class TidyCustomers < ActiveRecord::Migration[7.0]
  def change
    change_table :customers, bulk: true do |t|
      t.remove :fax_number, type: :string
      t.rename :phone, :phone_number
      t.string :website
    end
  end
end
