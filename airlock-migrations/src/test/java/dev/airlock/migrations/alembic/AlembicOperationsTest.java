package dev.airlock.migrations.alembic;

import static dev.airlock.migrations.alembic.AlembicFixture.ops;
import static dev.airlock.migrations.alembic.AlembicFixture.parse;
import static dev.airlock.migrations.alembic.AlembicFixture.revision;
import static dev.airlock.migrations.alembic.AlembicFixture.sql;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.AlterColumnType;
import dev.airlock.core.operation.Benign;
import dev.airlock.core.operation.Drop;
import dev.airlock.core.operation.DropColumn;
import dev.airlock.core.operation.DropConstraint;
import dev.airlock.core.operation.ObjectKind;
import dev.airlock.core.operation.Rename;
import dev.airlock.core.operation.RenameColumn;
import dev.airlock.core.operation.UnparsedMigration;
import dev.airlock.core.sql.Dialect;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlembicOperationsTest {
  @Test
  void dropTableAndDropColumn() {
    Parsed p =
        parse(
            revision(
                "    op.drop_table('user_sessions')\n    op.drop_column('orders', 'legacy_order_id')",
                "    pass"));
    assertThat(ops(p))
        .containsExactly(
            new Drop(ObjectKind.TABLE, "table", List.of("user_sessions"), false, false),
            new DropColumn("orders", "legacy_order_id", false, false));
    assertThat(sql(p))
        .containsExactly(
            "DROP TABLE user_sessions;", "ALTER TABLE orders DROP COLUMN legacy_order_id;");
    assertThat(p.statements()).isEqualTo(2);
    assertThat(p.occurrences().get(0).within()).contains("revision 3f2a1b upgrade()");
  }

  @Test
  void keywordArgumentsAndCallsSplitOverLines() {
    Parsed p =
        parse(
            revision(
                "    op.drop_column(\n        table_name='orders',\n        column_name='coupon_code',\n        schema=None,\n    )",
                "    pass"));
    assertThat(ops(p)).containsExactly(new DropColumn("orders", "coupon_code", false, false));
    assertThat(p.occurrences().get(0).span().startLine()).isEqualTo(15);
    assertThat(p.occurrences().get(0).span().endLine()).isEqualTo(19);
  }

  @Test
  void alterColumnTypeNullableAndRename() {
    Parsed p =
        parse(
            revision(
                """
            op.alter_column('users', 'email', existing_type=sa.VARCHAR(length=100), type_=sa.String(length=320), existing_nullable=False)
            op.alter_column('users', 'name', nullable=False)
            op.alter_column('users', 'fullname', new_column_name='display_name')
            op.alter_column('users', 'created', type_=sa.DateTime(timezone=True), postgresql_using='created AT TIME ZONE \\'UTC\\'')""",
                "    pass"));
    assertThat(ops(p))
        .containsExactly(
            new AlterColumnType("users", "email", "VARCHAR(320)"),
            new Benign("op.alter_column (sets NOT NULL)"),
            new RenameColumn("users", "fullname", "display_name"),
            new AlterColumnType("users", "created", "TIMESTAMP WITH TIME ZONE"));
    assertThat(sql(p))
        .containsExactly(
            "ALTER TABLE users ALTER COLUMN email TYPE VARCHAR(320);",
            "ALTER TABLE users ALTER COLUMN name SET NOT NULL;",
            "ALTER TABLE users RENAME fullname TO display_name;",
            "ALTER TABLE users ALTER COLUMN created TYPE TIMESTAMP WITH TIME ZONE USING created AT TIME ZONE 'UTC';");
  }

  @Test
  void alterColumnOnMysql() {
    Parsed p =
        parse(
            revision(
                "    op.alter_column('users', 'bio', type_=sa.Text(), existing_nullable=True)",
                "    pass"),
            Dialect.MYSQL);
    assertThat(sql(p)).containsExactly("ALTER TABLE users MODIFY bio TEXT NULL;");
  }

  @Test
  void renameTableIndexAndConstraint() {
    Parsed p =
        parse(
            revision(
                """
            op.rename_table('customer', 'customers')
            op.drop_index(op.f('ix_orders_created'), table_name='orders')
            op.drop_constraint('orders_customer_id_fkey', 'orders', type_='foreignkey')""",
                "    pass"),
            Dialect.MYSQL);
    assertThat(ops(p))
        .containsExactly(
            new Rename(ObjectKind.TABLE, "customer", "customers"),
            new Drop(ObjectKind.INDEX, "index", List.of("ix_orders_created"), false, false),
            new DropConstraint("orders", "orders_customer_id_fkey", false));
    assertThat(sql(p))
        .containsExactly(
            "ALTER TABLE customer RENAME customers;",
            "DROP INDEX ix_orders_created ON orders;",
            "ALTER TABLE orders DROP FOREIGN KEY orders_customer_id_fkey;");
  }

  @Test
  void batchAlterTableTakesTheTableFromTheWith() {
    Parsed p =
        parse(
            revision(
                """
            with op.batch_alter_table('invoices', schema=None) as batch_op:
                batch_op.drop_column('pdf_blob')
                batch_op.alter_column('number',
                                      existing_type=sa.INTEGER(),
                                      type_=sa.String(length=32))
                batch_op.drop_index('ix_invoices_number')
                batch_op.add_column(sa.Column('note', sa.Text(), nullable=True))""",
                "    pass"),
            Dialect.SQLITE);
    assertThat(ops(p))
        .containsExactly(
            new DropColumn("invoices", "pdf_blob", false, false),
            new AlterColumnType("invoices", "number", "VARCHAR(32)"),
            new Drop(ObjectKind.INDEX, "index", List.of("ix_invoices_number"), false, false),
            new Benign("op.add_column"));
    assertThat(sql(p).get(0))
        .startsWith(
            "-- batch mode recreates invoices to drop column pdf_blob\nCREATE TABLE _alembic_tmp_invoices");
  }

  @Test
  void batchOnPostgresqlAltersInPlace() {
    Parsed p =
        parse(
            revision(
                "    with op.batch_alter_table(\"invoices\") as b:\n        b.drop_column(\"pdf_blob\")",
                "    pass"));
    assertThat(sql(p)).containsExactly("ALTER TABLE invoices DROP COLUMN pdf_blob;");
  }

  @Test
  void callsInCommentsStringsAndDowngradeDoNotCount() {
    Parsed p =
        parse(
            revision(
                """
            # op.drop_table('users')
            note = "op.drop_column('orders', 'id')"
            op.create_table('audit', sa.Column('id', sa.Integer(), primary_key=True))""",
                "    op.drop_table('audit')"));
    assertThat(ops(p)).containsExactly(new Benign("op.create_table"));
  }

  @Test
  void drivesLoopsAndConditionals() {
    Parsed p =
        parse(
            revision(
                """
            for table in ('a_log', 'b_log'):
                op.drop_table(table)
            if op.get_context().dialect.name == 'postgresql':
                op.drop_index('ix_pg_only', table_name='t', postgresql_concurrently=True)""",
                "    pass"));
    assertThat(ops(p))
        .containsExactly(
            new Drop(ObjectKind.TABLE, "table", List.of("table"), false, false),
            new Drop(ObjectKind.INDEX, "index", List.of("ix_pg_only"), false, false));
    assertThat(sql(p).get(1)).isEqualTo("DROP INDEX CONCURRENTLY ix_pg_only;");
  }

  @Test
  void unknownOperationsAreUnparsedAndCustomDropsAreDrops() {
    Parsed p =
        parse(
            revision(
                "    op.purge_everything('x')\n    op.drop_entity(public_my_view)", "    pass"));
    assertThat(ops(p).get(0)).isInstanceOf(UnparsedMigration.class);
    assertThat(ops(p).get(1))
        .isEqualTo(new Drop(ObjectKind.OTHER, "entity", List.of("public_my_view"), false, false));
  }

  @Test
  void formatRecognisesVersionsDirectories() {
    AlembicFormat f = new AlembicFormat();
    assertThat(f.candidate(Path.of("alembic/versions/3f2a_x.py"))).isTrue();
    assertThat(f.candidate(Path.of("migrations/versions/3f2a_x.py"))).isTrue();
    assertThat(f.candidate(Path.of("alembic/env.py"))).isFalse();
    assertThat(f.accepts(Path.of("alembic/versions/x.py"), revision("    pass", "    pass")))
        .isTrue();
    assertThat(f.accepts(Path.of("alembic/versions/x.py"), "x = 1\n")).isFalse();
  }
}
