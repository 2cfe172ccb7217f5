package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** One-off purge before the session table moves to Redis; the table itself stays until V16. */
public class V13__PurgeExpiredSessions extends BaseJavaMigration {
  private static final String[] ARCHIVE_TABLES = {"user_session_archive_2021", "user_session_archive_2022"};

  @Override
  public void migrate(Context context) throws Exception {
    try (Statement s = context.getConnection().createStatement()) {
      s.executeUpdate("DELETE FROM user_session WHERE expires_at < now()");
      for (String table : ARCHIVE_TABLES) {
        s.execute("DROP TABLE IF EXISTS " + table);
      }
    }
  }
}
