class RemoveCouponFromOrders < ActiveRecord::Migration[7.0]
  def change
    remove_reference :orders, :coupon,
                     foreign_key: true,
                     index: true
  end
end
