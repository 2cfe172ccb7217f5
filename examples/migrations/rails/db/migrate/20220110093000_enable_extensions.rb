class EnableExtensions < ActiveRecord::Migration[7.0]
  def change
    enable_extension "pgcrypto"
    enable_extension "citext"
  end
end
