package dev.airlock.db.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.db.DbException;
import dev.airlock.db.TestDatabase;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

class EnvironmentTest {
  @Test
  void theLabelLivesInTheDatabaseCommentBesideWhatWasThere() throws Exception {
    String url = TestDatabase.newDatabase();
    TestDatabase.exec(url, "DO $$ BEGIN EXECUTE format('COMMENT ON DATABASE %I IS %L', current_database(), 'Shop data, owned by payments'); END $$");
    try (Connection c = TestDatabase.connect(url)) {
      assertThat(Environment.read(c)).isEmpty();
      Environment.write(c, "staging");
      Environment.write(c, "Production");
      assertThat(Environment.read(c)).contains("production");
      var rs = c.createStatement().executeQuery("SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = current_database()");
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("Shop data, owned by payments\nairlock-env: production");
      assertThatThrownBy(() -> Environment.write(c, "prod")).isInstanceOf(DbException.class).hasMessageContaining("use production, staging or dev");
    }
  }
}
