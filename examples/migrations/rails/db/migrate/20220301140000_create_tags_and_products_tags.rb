class CreateTagsAndProductsTags < ActiveRecord::Migration[7.0]
  def change
    create_table :tags do |t|
      t.string :name, null: false
      t.timestamps
    end
    create_join_table :products, :tags do |t|
      t.index [:product_id, :tag_id], unique: true
    end
  end
end
