class AddNotNullToShipmentsCarrier < ActiveRecord::Migration[7.1]
  def change
    add_check_constraint :shipments, "carrier IS NOT NULL", name: "shipments_carrier_null", validate: false
  end
end
