class RemoveLegacyCredentialsFromUsers < ActiveRecord::Migration[7.1]
  def up
    remove_columns :users,
                   :legacy_token,
                   :legacy_salt
  end

  def down
    add_column :users, :legacy_token, :string
    add_column :users, :legacy_salt, :string
  end
end
