package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** Adds given_name / family_name next to full_name and fills them. full_name stays for now. */
public class V10__SplitCustomerNames extends BaseJavaMigration {
  @Override
  public void migrate(Context context) {
    JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
    jdbc.execute("ALTER TABLE customer ADD COLUMN given_name VARCHAR(100)");
    jdbc.execute("ALTER TABLE customer ADD COLUMN family_name VARCHAR(100)");
    jdbc.update(
        "UPDATE customer SET given_name = split_part(full_name, ' ', 1),"
            + " family_name = substr(full_name, length(split_part(full_name, ' ', 1)) + 2)"
            + " WHERE given_name IS NULL");
  }
}
