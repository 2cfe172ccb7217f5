package dev.airlock.gateway.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the default store: a SQLite file under $AIRLOCK_HOME. */
class SqliteStoreTest extends StoreContract {
  @TempDir Path home;

  @Override
  Store newStore() {
    return Stores.open(Optional.empty(), home);
  }

  @Override
  void rawSql(String sql) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("airlock.db"));
        Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  String table(String name) {
    return name;
  }
}
