class BackfillOrderChannel < ActiveRecord::Migration[7.0]
  disable_ddl_transaction!

  class Order < ActiveRecord::Base
    self.table_name = "orders"
  end

  def up
    Order.where(channel: nil).in_batches(of: 5_000) do |batch|
      batch.update_all(channel: "web")
    end
  end

  def down
    # the old values were all NULL; nothing to restore
  end
end
