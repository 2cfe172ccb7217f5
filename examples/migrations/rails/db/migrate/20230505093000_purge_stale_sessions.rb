class PurgeStaleSessions < ActiveRecord::Migration[7.0]
  def up
    execute <<~SQL
      DELETE FROM sessions
       WHERE updated_at < now() - interval '30 days';
    SQL
  end

  def down
    # expired sessions cannot be restored, and need not be
  end
end
