class DropProductsTags < ActiveRecord::Migration[7.1]
  def change
    drop_join_table :products, :tags do |t|
      t.index [:product_id, :tag_id], unique: true
    end
  end
end
