class AddStateCheckToPayments < ActiveRecord::Migration[7.0]
  def change
    add_check_constraint :payments, "state IN ('pending', 'authorized', 'captured', 'failed', 'refunded')",
                         name: "payments_state_check"
  end
end
