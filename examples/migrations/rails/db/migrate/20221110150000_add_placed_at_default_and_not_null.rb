class AddPlacedAtDefaultAndNotNull < ActiveRecord::Migration[7.0]
  def change
    change_column_default :orders, :status, from: "cart", to: "draft"
    change_column_null :customers, :company_name, true
    add_column :orders, :notes, :text
    add_column :orders, :channel, :string, default: "web", null: false
  end
end
