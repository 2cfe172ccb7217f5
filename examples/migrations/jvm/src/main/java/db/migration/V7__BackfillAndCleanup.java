package db.migration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Moves the legacy order ids into order_reference, then removes the old column and the import
 * staging table. Written as Java because the backfill pages through orders.
 */
public class V7__BackfillAndCleanup extends BaseJavaMigration {
  private static final String ORDERS = "orders";
  private static final int PAGE = 500;

  @Override
  public void migrate(Context context) throws Exception {
    try (Statement stmt = context.getConnection().createStatement()) {
      stmt.execute(
          """
          CREATE TABLE order_reference (
              order_id  BIGINT PRIMARY KEY REFERENCES orders (id),
              reference VARCHAR(32) NOT NULL
          )
          """);
    }

    backfill(context);

    try (Statement stmt = context.getConnection().createStatement()) {
      // the column is in order_reference now
      stmt.execute("ALTER TABLE " + ORDERS + " DROP COLUMN legacy_order_id");
      stmt.executeUpdate("DELETE FROM import_staging");
      stmt.execute("DROP TABLE import_staging");
    }
  }

  private void backfill(Context context) throws Exception {
    long last = 0;
    try (PreparedStatement select =
            context.getConnection().prepareStatement(
                "SELECT id, legacy_order_id FROM orders WHERE id > ? AND legacy_order_id IS NOT NULL ORDER BY id LIMIT " + PAGE);
        PreparedStatement insert =
            context.getConnection().prepareStatement("INSERT INTO order_reference (order_id, reference) VALUES (?, ?)")) {
      while (true) {
        select.setLong(1, last);
        int rows = 0;
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            last = rs.getLong(1);
            insert.setLong(1, last);
            insert.setString(2, rs.getString(2));
            insert.addBatch();
            rows++;
          }
        }
        insert.executeBatch();
        if (rows < PAGE) {
          return;
        }
      }
    }
  }
}
