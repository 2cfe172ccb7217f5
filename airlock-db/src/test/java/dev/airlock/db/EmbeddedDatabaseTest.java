package dev.airlock.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class EmbeddedDatabaseTest {
  @Test
  void startsAndAnswers() throws Exception {
    try (EmbeddedDatabase db = EmbeddedDatabase.start();
        Connection c = db.connect();
        ResultSet rs = c.createStatement().executeQuery("select version()")) {
      rs.next();
      System.out.println(rs.getString(1) + " started in " + db.startTime().toMillis() + " ms");
      assertThat(rs.getString(1)).startsWith("PostgreSQL 17");
    }
  }
}
