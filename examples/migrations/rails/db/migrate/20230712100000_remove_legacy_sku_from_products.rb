class RemoveLegacySkuFromProducts < ActiveRecord::Migration[7.0]
  def change
    # Checked with the warehouse team: the ERP export no longer uses legacy_sku.
    safety_assured { remove_column :products, :legacy_sku, :string }
  end
end
