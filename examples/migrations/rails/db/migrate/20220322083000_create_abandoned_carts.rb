class CreateAbandonedCarts < ActiveRecord::Migration[7.0]
  def change
    create_table :abandoned_carts do |t|
      t.references :user, foreign_key: true
      t.jsonb :items, null: false, default: []
      t.datetime :abandoned_at, null: false
      t.timestamps
    end
  end
end
