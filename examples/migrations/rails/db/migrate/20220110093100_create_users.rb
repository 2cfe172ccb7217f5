class CreateUsers < ActiveRecord::Migration[7.0]
  def change
    create_table :users do |t|
      t.citext :email, null: false
      t.string :encrypted_password, null: false, default: ""
      t.string :legacy_token
      t.string :legacy_salt
      t.string :first_name
      t.string :last_name
      t.boolean :admin, null: false, default: false
      t.datetime :last_sign_in_at
      t.timestamps
    end
    add_index :users, :email, unique: true
  end
end
