package dev.airlock.migrations.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.Benign;
import dev.airlock.core.operation.DataMigration;
import dev.airlock.core.operation.DeleteRows;
import dev.airlock.core.operation.Drop;
import dev.airlock.core.operation.DropColumn;
import dev.airlock.core.operation.DynamicSql;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.operation.Truncate;
import dev.airlock.core.operation.UnparsedMigration;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FlywayJavaMigrationTest {
  private static final String HEAD =
      """
      package db.migration;

      import java.sql.Statement;
      import org.flywaydb.core.api.migration.BaseJavaMigration;
      import org.flywaydb.core.api.migration.Context;

      """;

  private static Parsed parse(String body) {
    return Jvm.java("src/main/java/db/migration/V3__Cleanup.java", HEAD + body);
  }

  @Test
  void statementExecuteOfALiteralIsAnalysedAsSql() {
    Parsed p =
        parse(
            """
            public class V3__Cleanup extends BaseJavaMigration {
              @Override
              public void migrate(Context context) throws Exception {
                try (Statement stmt = context.getConnection().createStatement()) {
                  stmt.execute("ALTER TABLE orders DROP COLUMN legacy_order_id");
                }
              }
            }
            """);
    assertThat(Jvm.ops(p)).containsExactly(new DropColumn("orders", "legacy_order_id", false, false));
    Occurrence o = p.occurrences().get(0);
    assertThat(o.statement()).isEqualTo("stmt.execute(\"ALTER TABLE orders DROP COLUMN legacy_order_id\")");
    assertThat(o.generatedSql()).contains("ALTER TABLE orders DROP COLUMN legacy_order_id");
    assertThat(o.span().startLine()).isEqualTo(11);
    assertThat(o.span().startColumn()).isEqualTo(7);
    assertThat(o.within().orElseThrow()).contains("V3__Cleanup").contains("migrate()");
    assertThat(p.statements()).isEqualTo(1);
  }

  @Test
  void chainedContextCallSplitOverLinesWithTextBlock() {
    Parsed p =
        parse(
            """
            public class V3__Cleanup extends BaseJavaMigration {
              public void migrate(Context context) throws Exception {
                context
                    .getConnection()
                    .createStatement()
                    .execute(
                        \"""
                        DROP TABLE audit_log_2019;
                        DROP TABLE audit_log_2020;
                        \""");
              }
            }
            """);
    assertThat(Jvm.ops(p)).containsExactly(Drop.of(dev.airlock.core.operation.ObjectKind.TABLE, "audit_log_2019"), Drop.of(dev.airlock.core.operation.ObjectKind.TABLE, "audit_log_2020"));
    assertThat(p.occurrences().get(0).span().startLine()).isEqualTo(9);
    assertThat(p.occurrences().get(0).span().endLine()).isEqualTo(16);
    assertThat(p.statements()).isEqualTo(1);
  }

  @Test
  void concatenationOfLiteralsAndStaticFinalConstants() {
    Parsed p =
        parse(
            """
            public class V3__Cleanup extends BaseJavaMigration {
              private static final String TABLE = "customer";
              private static final String DROP = "ALTER TABLE " + TABLE + " DROP COLUMN ";

              public void migrate(Context context) throws Exception {
                Statement s = context.getConnection().createStatement();
                s.executeUpdate(DROP + "fax_number");
                s.executeUpdate("DELETE FROM " + TABLE
                    + " WHERE deleted_at < now() - interval '5 years'");
              }
            }
            """);
    assertThat(Jvm.ops(p)).hasSize(2);
    assertThat(Jvm.ops(p).get(0)).isEqualTo(new DropColumn("customer", "fax_number", false, false));
    assertThat(Jvm.ops(p).get(1)).isInstanceOf(DeleteRows.class);
    assertThat(((DeleteRows) Jvm.ops(p).get(1)).where()).isPresent();
  }

  @Test
  void jdbcTemplateUpdateExecuteAndBatchUpdate() {
    Parsed p =
        parse(
            """
            import org.springframework.jdbc.core.JdbcTemplate;
            import org.springframework.jdbc.datasource.SingleConnectionDataSource;

            public class V3__Cleanup extends BaseJavaMigration {
              public void migrate(Context context) {
                JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
                jdbc.update("UPDATE invoice SET status = 'void'");
                jdbc.execute("TRUNCATE TABLE session_tokens");
                jdbc.batchUpdate("DELETE FROM cart", "DROP VIEW v_cart_totals");
                jdbc.update("UPDATE invoice SET total = ? WHERE id = ?", 10, 42);
              }
            }
            """);
    assertThat(Jvm.ops(p)).hasSize(5);
    assertThat(Jvm.ops(p).get(1)).isInstanceOf(Truncate.class);
    assertThat(Jvm.ops(p).get(2)).isEqualTo(new DeleteRows("cart", java.util.Optional.empty()));
    assertThat(Jvm.ops(p).get(3)).isInstanceOf(Drop.class);
    assertThat(p.statements()).isEqualTo(4);
  }

  @Test
  void namedParameterJdbcTemplateAndPreparedStatementThenExecute() {
    Parsed p =
        parse(
            """
            import java.sql.PreparedStatement;
            import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

            public class V3__Cleanup extends BaseJavaMigration {
              private NamedParameterJdbcTemplate named;

              public void migrate(Context context) throws Exception {
                named.update("DELETE FROM login_attempt WHERE created_at < :cutoff", java.util.Map.of("cutoff", 1));
                PreparedStatement ps = context.getConnection().prepareStatement("DELETE FROM password_reset");
                ps.executeUpdate();
              }
            }
            """);
    assertThat(Jvm.ops(p)).hasSize(2);
    assertThat(((DeleteRows) Jvm.ops(p).get(0)).where()).isPresent();
    assertThat(Jvm.ops(p).get(1)).isEqualTo(new DeleteRows("password_reset", java.util.Optional.empty()));
    assertThat(p.statements()).isEqualTo(2);
  }

  @Test
  void loopOverAConstantArrayIsUnrolled() {
    Parsed p =
        parse(
            """
            public class V3__Cleanup extends BaseJavaMigration {
              private static final String[] LEGACY = {"fax_queue", "pager_contacts"};

              public void migrate(Context context) throws Exception {
                try (var st = context.getConnection().createStatement()) {
                  for (String table : LEGACY) {
                    st.execute("DROP TABLE IF EXISTS " + table);
                  }
                  java.util.List.of("a_tmp", "b_tmp").forEach(t -> {
                    try {
                      st.execute("DROP TABLE " + t);
                    } catch (Exception e) {
                      throw new RuntimeException(e);
                    }
                  });
                }
              }
            }
            """);
    assertThat(Jvm.ops(p)).hasSize(4).allMatch(o -> o instanceof Drop);
    assertThat(((Drop) Jvm.ops(p).get(0)).names()).containsExactly("fax_queue");
    assertThat(((Drop) Jvm.ops(p).get(1)).names()).containsExactly("pager_contacts");
    assertThat(p.statements()).isEqualTo(2);
  }

  @Test
  void sqlFromAQueryOrALoopCounterIsDynamic() {
    Parsed p =
        parse(
            """
            import java.sql.ResultSet;

            public class V3__Cleanup extends BaseJavaMigration {
              public void migrate(Context context) throws Exception {
                var conn = context.getConnection();
                java.util.List<String> tables = new java.util.ArrayList<>();
                try (ResultSet rs = conn.getMetaData().getTables(null, "public", "tmp_%", null)) {
                  while (rs.next()) tables.add(rs.getString("TABLE_NAME"));
                }
                for (String t : tables) {
                  conn.createStatement().execute("DROP TABLE " + t);
                }
                for (int i = 0; i < 12; i++) {
                  conn.createStatement().execute(String.format("DROP TABLE events_%02d", i));
                }
              }
            }
            """);
    assertThat(Jvm.ops(p)).hasSize(2).allMatch(o -> o instanceof DynamicSql);
    assertThat(((DynamicSql) Jvm.ops(p).get(0)).reason()).contains("`t`");
    assertThat(((DynamicSql) Jvm.ops(p).get(1)).reason()).contains("String.format");
  }

  @Test
  void stringFormatWithLiteralArgumentsIsEvaluated() {
    Parsed p =
        parse(
            """
            public class V3__Cleanup extends BaseJavaMigration {
              public void migrate(Context context) throws Exception {
                context.getConnection().createStatement().execute(String.format("ALTER TABLE %s DROP COLUMN %s", "users", "ssn"));
                context.getConnection().createStatement().execute("DROP INDEX %s".formatted("idx_users_ssn"));
              }
            }
            """);
    assertThat(Jvm.ops(p).get(0)).isEqualTo(new DropColumn("users", "ssn", false, false));
    assertThat(Jvm.ops(p).get(1)).isInstanceOf(Drop.class);
  }

  @Test
  void helperMethodParametersTakeTheArgumentsOfEveryCallSite() {
    Parsed p =
        parse(
            """
            public class V3__Cleanup extends BaseJavaMigration {
              public void migrate(Context context) throws Exception {
                Statement s = context.getConnection().createStatement();
                dropColumn(s, "users", "middle_name");
                dropColumn(s, "users", "nickname");
              }

              private static void dropColumn(Statement s, String table, String column) throws Exception {
                s.execute("ALTER TABLE " + table + " DROP COLUMN " + column);
              }
            }
            """);
    // the union of the call sites' arguments: every combination, including the real two
    assertThat(Jvm.ops(p)).contains(new DropColumn("users", "middle_name", false, false), new DropColumn("users", "nickname", false, false));
    assertThat(Jvm.ops(p)).allMatch(o -> o instanceof DropColumn);
    assertThat(p.statements()).isEqualTo(1);
  }

  @Test
  void reassignedLocalUsesTheLastAssignmentBeforeTheCall() {
    Parsed p =
        parse(
            """
            public class V3__Cleanup extends BaseJavaMigration {
              public void migrate(Context context) throws Exception {
                Statement s = context.getConnection().createStatement();
                String sql = "UPDATE account SET tier = 'basic' WHERE tier IS NULL";
                s.executeUpdate(sql);
                sql = "DROP TABLE account_tier_legacy";
                s.executeUpdate(sql);
                StringBuilder b = new StringBuilder("DELETE FROM ").append("coupon");
                s.executeUpdate(b.toString());
                s.executeUpdate(new StringBuilder().append("DELETE FROM ").append("gift_card").toString());
                StringBuilder grow = new StringBuilder("DELETE FROM ");
                grow.append(System.getenv("T"));
                s.executeUpdate(grow.toString());
              }
            }
            """);
    assertThat(Jvm.ops(p)).hasSize(5);
    assertThat(Jvm.ops(p).get(0)).isInstanceOf(dev.airlock.core.operation.UpdateRows.class);
    assertThat(Jvm.ops(p).get(1)).isInstanceOf(Drop.class);
    assertThat(Jvm.ops(p).get(2)).isEqualTo(new DeleteRows("coupon", java.util.Optional.empty()));
    assertThat(Jvm.ops(p).get(3)).isEqualTo(new DeleteRows("gift_card", java.util.Optional.empty()));
    assertThat(Jvm.ops(p).get(4)).isInstanceOf(DynamicSql.class);
  }

  @Test
  void callsInCommentsAndStringsDoNotCount() {
    Parsed p =
        parse(
            """
            public class V3__Cleanup extends BaseJavaMigration {
              // stmt.execute("DROP TABLE users");
              /* jdbc.update("DELETE FROM users"); */
              public void migrate(Context context) throws Exception {
                String note = "stmt.execute(\\"DROP TABLE users\\")";
                log(note);
                context.getConnection().createStatement().execute("SELECT 1");
              }

              private void log(String s) {}
            }
            """);
    assertThat(Jvm.ops(p)).containsExactly(new Benign("SELECT"));
  }

  @Test
  void nonJdbcExecuteCallsAreIgnored() {
    Parsed p =
        parse(
            """
            import java.util.concurrent.ExecutorService;

            public class V3__Cleanup extends BaseJavaMigration {
              public void migrate(Context context) throws Exception {
                ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
                pool.execute(() -> {});
                java.util.Map<String, String> cache = new java.util.HashMap<>();
                cache.put("k", "DROP TABLE x");
                context.getConnection().createStatement().execute("UPDATE feature_flag SET enabled = true WHERE name = 'x'");
              }
            }
            """);
    assertThat(Jvm.ops(p)).hasSize(1);
    assertThat(Jvm.ops(p).get(0)).isInstanceOf(dev.airlock.core.operation.UpdateRows.class);
  }

  @Test
  void onlyCodeReachableFromMigrateCounts() {
    Parsed p =
        parse(
            """
            public class V3__Cleanup extends BaseJavaMigration {
              public void migrate(Context context) throws Exception {
                purge(context.getConnection().createStatement());
              }

              private void purge(Statement s) throws Exception {
                s.execute("DELETE FROM outbox WHERE sent = true");
              }

              /** Kept for a manual rollback; never called. */
              private void unused(Statement s) throws Exception {
                s.execute("DROP TABLE outbox");
              }
            }
            """);
    assertThat(Jvm.ops(p)).hasSize(1).first().isInstanceOf(DeleteRows.class);
    assertThat(p.occurrences().get(0).within().orElseThrow()).contains("purge()");
  }

  @Test
  void implementsJavaMigrationAndParameterFromUnknownSourceIsDynamic() {
    Parsed p =
        Jvm.java(
            "src/main/java/db/migration/R__RefreshViews.java",
            """
            package db.migration;

            import org.flywaydb.core.api.migration.Context;
            import org.flywaydb.core.api.migration.JavaMigration;

            public abstract class R__RefreshViews implements JavaMigration {
              protected void run(Context context, String sql) throws Exception {
                context.getConnection().createStatement().execute(sql);
              }
            }
            """);
    assertThat(Jvm.ops(p)).hasSize(1).first().isInstanceOf(DynamicSql.class);
  }

  @Test
  void migrationWithNoVisibleSqlIsADataMigration() {
    Parsed p =
        parse(
            """
            public class V3__Cleanup extends BaseJavaMigration {
              public void migrate(Context context) throws Exception {
                new CustomerBackfill(context.getConnection()).run();
              }
            }
            """);
    assertThat(Jvm.ops(p)).hasSize(1).first().isInstanceOf(DataMigration.class);
  }

  @Test
  void javaThatDoesNotParseIsAnUnparsedMigration() {
    Parsed p = parse("public class V3__Cleanup extends BaseJavaMigration { void migrate(Context c) { c.getConnection( } }");
    assertThat(Jvm.ops(p)).hasSize(1).first().isInstanceOf(UnparsedMigration.class);
  }

  @Test
  void allowCommentBeforeTheCallIsCarried() {
    Parsed p =
        parse(
            """
            public class V3__Cleanup extends BaseJavaMigration {
              public void migrate(Context context) throws Exception {
                // airlock:allow drop-table the archive was exported to S3 in OPS-1234
                context.getConnection().createStatement().execute("DROP TABLE archive_2018");
              }
            }
            """);
    assertThat(p.occurrences().get(0).allowances()).hasSize(1);
    assertThat(p.occurrences().get(0).allowances().get(0).ruleId()).isEqualTo("drop-table");
  }

  @Test
  void crlfLineEndingsKeepExactSpans() {
    String text =
        (HEAD
                + "public class V3__Cleanup extends BaseJavaMigration {\n"
                + "  public void migrate(Context context) throws Exception {\n"
                + "    context.getConnection().createStatement().execute(\"DROP TABLE t\");\n"
                + "  }\n}\n")
            .replace("\n", "\r\n");
    Parsed p = Jvm.java("V3__Cleanup.java", text);
    Occurrence o = p.occurrences().get(0);
    assertThat(text.substring(o.span().startOffset(), o.span().endOffset())).startsWith("context.getConnection()").endsWith("\"DROP TABLE t\")");
    assertThat(o.span().startLine()).isEqualTo(9);
  }

  @Test
  void formatRecognisesFlywayJavaFiles() {
    FlywayJavaFormat f = new FlywayJavaFormat();
    assertThat(f.candidate(Path.of("src/main/java/db/migration/V3__Cleanup.java"))).isTrue();
    assertThat(f.candidate(Path.of("src/main/java/com/acme/V2_1__Split_names.java"))).isTrue();
    assertThat(f.candidate(Path.of("src/main/java/com/acme/OrderService.java"))).isFalse();
    assertThat(f.accepts(Path.of("V3__Cleanup.java"), HEAD)).isTrue();
    assertThat(f.accepts(Path.of("V3__Cleanup.java"), "class V3__Cleanup {}")).isFalse();
  }

  @Test
  void endToEndRulesFire() {
    String text =
        HEAD
            + """
            public class V7__Cleanup extends BaseJavaMigration {
              public void migrate(Context context) throws Exception {
                try (Statement s = context.getConnection().createStatement()) {
                  s.execute("ALTER TABLE orders DROP COLUMN legacy_order_id");
                  s.execute("DELETE FROM order_events");
                  s.execute("DROP TABLE " + System.getenv("TABLE"));
                }
              }
            }
            """;
    assertThat(Jvm.ruleIds(new FlywayJavaFormat(), "db/migration/V7__Cleanup.java", text))
        .contains("drop-column", "delete-without-where", "dynamic-sql");
  }
}
