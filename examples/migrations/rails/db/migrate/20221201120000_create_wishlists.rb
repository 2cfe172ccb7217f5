class CreateWishlists < ActiveRecord::Migration[7.0]
  def change
    create_table :wishlists do |t|
      t.references :user, null: false, foreign_key: true
      t.string :name, null: false, default: "Favourites"
      t.timestamps
    end
    create_join_table :products, :wishlists
  end
end
