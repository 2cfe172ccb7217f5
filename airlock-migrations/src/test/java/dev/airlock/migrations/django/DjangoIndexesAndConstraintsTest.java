package dev.airlock.migrations.django;

import static dev.airlock.migrations.django.DjangoFixture.migration;
import static dev.airlock.migrations.django.DjangoFixture.ops;
import static dev.airlock.migrations.django.DjangoFixture.parse;
import static dev.airlock.migrations.django.DjangoFixture.sql;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.Benign;
import dev.airlock.core.operation.Drop;
import dev.airlock.core.operation.DropColumn;
import dev.airlock.core.operation.DropConstraint;
import dev.airlock.core.operation.ObjectKind;
import dev.airlock.core.operation.UnparsedMigration;
import dev.airlock.core.sql.Dialect;
import dev.airlock.migrations.python.TestProject;
import java.util.List;
import org.junit.jupiter.api.Test;

class DjangoIndexesAndConstraintsTest {
  private static final String INITIAL =
      migration(
          "",
          """
          migrations.CreateModel(
              name='Payment',
              fields=[('id', models.BigAutoField(primary_key=True)), ('amount', models.IntegerField()), ('ref', models.CharField(max_length=40))],
              options={
                  'unique_together': {('ref', 'amount')},
                  'constraints': [models.CheckConstraint(check=models.Q(amount__gte=0), name='amount_non_negative')],
              },
          ),""");

  private static Parsed later(String ops, Dialect dialect) {
    String text = migration("('pay', '0001_initial')", ops);
    TestProject project =
        TestProject.inMemory()
            .with("pay/migrations/0001_initial.py", INITIAL)
            .with("pay/migrations/0002_x.py", text);
    return parse("pay/migrations/0002_x.py", text, dialect, project);
  }

  @Test
  void removeIndexPerDialect() {
    String op = "        migrations.RemoveIndex(model_name='payment', name='pay_ref_idx'),";
    assertThat(ops(later(op, Dialect.POSTGRESQL)))
        .containsExactly(new Drop(ObjectKind.INDEX, "index", List.of("pay_ref_idx"), true, false));
    assertThat(sql(later(op, Dialect.POSTGRESQL)))
        .containsExactly("DROP INDEX IF EXISTS \"pay_ref_idx\";");
    assertThat(sql(later(op, Dialect.MYSQL)))
        .containsExactly("DROP INDEX `pay_ref_idx` ON `pay_payment`;");
    assertThat(
            sql(
                later(
                    "        RemoveIndexConcurrently('payment', 'pay_ref_idx'),",
                    Dialect.POSTGRESQL)))
        .containsExactly("DROP INDEX CONCURRENTLY IF EXISTS \"pay_ref_idx\";");
  }

  @Test
  void removeConstraintKnowsItsKindFromHistory() {
    String op =
        "        migrations.RemoveConstraint(\n            model_name='payment',\n            name='amount_non_negative',\n        ),";
    assertThat(ops(later(op, Dialect.POSTGRESQL)))
        .containsExactly(new DropConstraint("pay_payment", "amount_non_negative", false));
    assertThat(sql(later(op, Dialect.POSTGRESQL)))
        .containsExactly("ALTER TABLE \"pay_payment\" DROP CONSTRAINT \"amount_non_negative\";");
    assertThat(sql(later(op, Dialect.MYSQL)))
        .containsExactly("ALTER TABLE `pay_payment` DROP CHECK `amount_non_negative`;");
  }

  @Test
  void uniqueTogetherThatShrinksDropsAConstraint() {
    Parsed p =
        later(
            "        migrations.AlterUniqueTogether(name='payment', unique_together=set()),",
            Dialect.POSTGRESQL);
    assertThat(ops(p))
        .containsExactly(new DropConstraint("pay_payment", "unique (ref, amount)", false));
    Parsed grow =
        later(
            "        migrations.AlterUniqueTogether(name='payment', unique_together={('ref', 'amount'), ('id', 'ref')}),",
            Dialect.POSTGRESQL);
    assertThat(ops(grow)).containsExactly(new Benign("AlterUniqueTogether"));
  }

  @Test
  void separateDatabaseAndStateRunsOnlyTheDatabaseHalf() {
    Parsed p =
        later(
            """
                migrations.SeparateDatabaseAndState(
                    state_operations=[
                        migrations.RemoveField('payment', 'ref'),
                        migrations.DeleteModel('Payment'),
                    ],
                    database_operations=[
                        migrations.RunSQL('ALTER TABLE pay_payment DROP COLUMN ref', reverse_sql=migrations.RunSQL.noop),
                    ],
                ),""",
            Dialect.POSTGRESQL);
    assertThat(ops(p))
        .containsExactly(
            new Benign("RemoveField (state only)"),
            new Benign("DeleteModel (state only)"),
            new DropColumn("pay_payment", "ref", false, false));
    assertThat(p.occurrences().get(2).within())
        .hasValueSatisfying(w -> assertThat(w).contains("database_operations"));
    assertThat(p.statements()).isEqualTo(3);
  }

  @Test
  void unknownOperationsAndComputedListsAreUnparsedNotSilent() {
    Parsed p =
        later(
            "        myapp.operations.PurgeHistory('payment'),\n        *EXTRA_OPERATIONS,",
            Dialect.POSTGRESQL);
    assertThat(ops(p)).hasSize(2).allMatch(o -> o instanceof UnparsedMigration);
    String comp =
        "from django.db import migrations\n\nclass Migration(migrations.Migration):\n    operations = [migrations.RemoveField('payment', f) for f in FIELDS]\n";
    assertThat(ops(parse("pay/migrations/0003_x.py", comp)))
        .singleElement()
        .isInstanceOf(UnparsedMigration.class);
  }

  @Test
  void benignOperationsStillCount() {
    Parsed p =
        later(
            """
                migrations.AddIndex(model_name='payment', index=models.Index(fields=['ref'], name='pay_ref_idx')),
                migrations.AlterModelOptions(name='payment', options={'ordering': ['-id']}),
                migrations.AddConstraint(model_name='payment', constraint=models.UniqueConstraint(fields=['ref'], name='uniq_ref')),""",
            Dialect.POSTGRESQL);
    assertThat(ops(p))
        .containsExactly(
            new Benign("AddIndex"), new Benign("AlterModelOptions"), new Benign("AddConstraint"));
    assertThat(p.statements()).isEqualTo(3);
  }
}
