package dev.airlock.migrations.alembic;

import static dev.airlock.migrations.alembic.AlembicFixture.ops;
import static dev.airlock.migrations.alembic.AlembicFixture.parse;
import static dev.airlock.migrations.alembic.AlembicFixture.revision;
import static dev.airlock.migrations.alembic.AlembicFixture.sql;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.Benign;
import dev.airlock.core.operation.DeleteRows;
import dev.airlock.core.operation.Drop;
import dev.airlock.core.operation.DropColumn;
import dev.airlock.core.operation.DynamicSql;
import dev.airlock.core.operation.ObjectKind;
import dev.airlock.core.operation.UpdateRows;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlembicExecuteTest {
  @Test
  void executeWithAPlainString() {
    Parsed p = parse(revision("    op.execute('DELETE FROM sessions')", "    pass"));
    assertThat(ops(p)).containsExactly(new DeleteRows("sessions", Optional.empty()));
    assertThat(sql(p)).containsExactly("DELETE FROM sessions");
    assertThat(p.occurrences().get(0).statement()).isEqualTo("op.execute('DELETE FROM sessions')");
  }

  @Test
  void executeWithSaTextAndTripleQuotes() {
    Parsed p =
        parse(
            revision(
                """
            op.execute(
                sa.text(
                    \"\"\"
                    ALTER TABLE orders DROP COLUMN legacy_order_id;
                    DROP TABLE order_archive;
                    \"\"\"
                )
            )""",
                "    pass"));
    assertThat(ops(p))
        .containsExactly(
            new DropColumn("orders", "legacy_order_id", false, false),
            new Drop(ObjectKind.TABLE, "table", List.of("order_archive"), false, false));
  }

  @Test
  void getBindExecuteAndConnectionVariables() {
    Parsed p =
        parse(
            revision(
                """
            conn = op.get_bind()
            conn.execute(text("UPDATE users SET plan = 'free'"))
            op.get_bind().execute(sa.text('TRUNCATE audit_log'))
            conn.exec_driver_sql("DROP VIEW " "v_report")""",
                "    pass"));
    assertThat(ops(p)).hasSize(3);
    assertThat(ops(p).get(0)).isInstanceOf(UpdateRows.class);
    assertThat(ops(p).get(2))
        .isEqualTo(new Drop(ObjectKind.VIEW, "view", List.of("v_report"), false, false));
  }

  @Test
  void sqlInAConstantAndConcatenated() {
    String text =
        revision("    op.execute(CLEANUP + ' WHERE created < now()')", "    pass")
            .replace("revision = ", "CLEANUP = 'DELETE FROM events'\nrevision = ");
    Parsed p = parse(text);
    assertThat(ops(p)).singleElement().isInstanceOf(DeleteRows.class);
    assertThat(((DeleteRows) ops(p).get(0)).where()).isPresent();
  }

  @Test
  void sqlalchemyCoreExpressions() {
    Parsed p =
        parse(
            revision(
                """
            accounts = sa.table('accounts', sa.column('id'), sa.column('status'))
            op.execute(accounts.delete())
            op.execute(accounts.update().where(accounts.c.status == 'x').values(status='y'))
            op.execute(sa.select(accounts.c.id))
            op.execute(some_builder(accounts))""",
                "    pass"));
    assertThat(ops(p))
        .containsExactly(
            new DeleteRows("accounts", Optional.empty()),
            new UpdateRows(
                "accounts",
                List.of(),
                ops(p).get(1) instanceof UpdateRows u ? u.where() : Optional.empty()),
            new Benign("execute of a SQLAlchemy SELECT"),
            new DynamicSql("executes SQL built at run time: `some_builder(accounts)`"));
    assertThat(((UpdateRows) ops(p).get(1)).where()).isPresent();
  }

  @Test
  void fStringIsDynamic() {
    Parsed p = parse(revision("    op.execute(f'DROP TABLE {name}')", "    pass"));
    assertThat(ops(p)).singleElement().isInstanceOf(DynamicSql.class);
  }
}
