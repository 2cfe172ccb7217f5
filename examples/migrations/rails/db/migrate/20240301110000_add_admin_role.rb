class AddAdminRole < ActiveRecord::Migration[7.1]
  def change
    create_table :roles do |t|
      t.string :name, null: false
      t.timestamps
    end
    create_join_table :roles, :users

    reversible do |dir|
      dir.up do
        execute "INSERT INTO roles (name, created_at, updated_at) VALUES ('admin', now(), now())"
      end
    end
  end
end
