package dev.airlock.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/** The binaries pinned in the parent POM start, as root too (through unshare -U). */
class EmbeddedDatabaseTest {
  @Test
  void startsAndAnswers() throws Exception {
    EmbeddedDatabase db = TestDatabase.server();
    try (Connection c = db.connect();
        ResultSet rs = c.createStatement().executeQuery("select version(), current_user")) {
      rs.next();
      assertThat(rs.getString(1)).startsWith("PostgreSQL 17.6");
      assertThat(rs.getString(2)).isEqualTo("postgres");
    }
    assertThat(db.startTime()).isPositive();
    assertThat(db.jdbcUrl()).startsWith("jdbc:postgresql://localhost:" + db.port() + "/postgres");
  }
}
