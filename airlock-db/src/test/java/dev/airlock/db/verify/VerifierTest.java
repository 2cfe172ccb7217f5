package dev.airlock.db.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.source.SourceText;
import dev.airlock.db.TestDatabase;
import dev.airlock.db.catalog.Catalog;
import dev.airlock.db.catalog.Snapshot;
import dev.airlock.db.verify.StatementResult.Status;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every measurement of verify against one committed schema on the shared embedded server. */
class VerifierTest {
  static final String SCHEMA =
      """
      CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL UNIQUE, name text, score numeric(10,2), balance numeric(10,2));
      CREATE TABLE invoices (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id), amount numeric(10,2) NOT NULL,
                             note text, doubled numeric GENERATED ALWAYS AS (amount * 2) STORED);
      CREATE VIEW big_customers AS SELECT id, email FROM customers WHERE score > 50;
      CREATE MATERIALIZED VIEW invoice_totals AS SELECT customer_id, sum(amount) AS total FROM invoices GROUP BY customer_id;
      CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.note := coalesce(NEW.note, 'new'); RETURN NEW; END $$;
      CREATE TRIGGER invoices_touch BEFORE INSERT ON invoices FOR EACH ROW EXECUTE FUNCTION touch();
      ALTER TABLE customers ENABLE ROW LEVEL SECURITY;
      CREATE POLICY named_only ON customers USING (name IS NOT NULL);
      CREATE FUNCTION customer_name(p bigint) RETURNS text LANGUAGE sql STABLE AS $$ SELECT name FROM customers WHERE id = p $$;
      CREATE FUNCTION noted() RETURNS bigint LANGUAGE plpgsql AS $$
        DECLARE n bigint; BEGIN EXECUTE 'SELECT count(*) FROM invoices WHERE note IS NOT NULL' INTO n; RETURN n; END $$;
      CREATE SEQUENCE ticket_seq;
      GRANT SELECT ON customers TO PUBLIC;
      INSERT INTO customers SELECT g, 'c' || g || '@example.com', CASE WHEN g % 10 = 0 THEN NULL ELSE 'name' || g END, g, g + 0.25
        FROM generate_series(1, 100) g;
      INSERT INTO invoices (id, customer_id, amount, note) SELECT g, 1 + g % 100, g % 50, 'n' || g FROM generate_series(1, 300) g;
      REFRESH MATERIALIZED VIEW invoice_totals;
      """;

  static final String MIGRATION =
      """
      BEGIN;
      DELETE FROM invoices WHERE amount < 10;
      UPDATE customers SET name = upper(name) WHERE id <= 20;
      ALTER TABLE customers ALTER COLUMN score TYPE integer;
      SELEC 1;
      ALTER TABLE customers ALTER COLUMN balance TYPE integer;
      CREATE INDEX CONCURRENTLY customers_name_idx ON customers (name);
      VACUUM customers;
      DROP TABLE invoices CASCADE;
      ALTER TABLE customers RENAME COLUMN name TO full_name;
      COMMIT;
      """;

  static String url;
  static VerifyReport report;

  @BeforeAll
  static void setUp() throws Exception {
    url = TestDatabase.newDatabase();
    TestDatabase.exec(url, SCHEMA);
    try (Connection c = TestDatabase.connect(url)) {
      report = Verifier.verify(c, VerifyRequest.of(List.of(new SourceText("m.sql", MIGRATION))).withRollbackPlan(true), url, Optional.empty());
    }
  }

  private static StatementResult st(int i) {
    return report.statements().get(i - 1);
  }

  @Test
  void eachStatementRunsInItsOwnSavepoint() {
    assertThat(report.statements()).extracting(StatementResult::status)
        .containsExactly(Status.SKIPPED, Status.OK, Status.OK, Status.ERROR, Status.ERROR, Status.OK, Status.OK, Status.NOT_DRY_RUNNABLE, Status.OK, Status.OK, Status.SKIPPED);
    assertThat(st(2).rows()).isEqualTo(60);
    assertThat(st(3).rows()).isEqualTo(20);
    assertThat(st(4).error().orElseThrow()).contains("cannot alter type of a column used by a view or rule").contains("[SQLSTATE 0A000]");
    assertThat(st(5).error().orElseThrow()).startsWith("ERROR: syntax error at or near \"SELEC\" [SQLSTATE 42601]");
    assertThat(st(5).line()).isEqualTo(5);
    assertThat(st(7).note()).startsWith("ran without CONCURRENTLY");
    assertThat(st(8).note()).startsWith("VACUUM cannot run inside a transaction");
    assertThat(st(1).note()).startsWith("transaction control");
    assertThat(st(2).micros()).isPositive();
  }

  @Test
  void locksAreTheStatementsOwn() {
    assertThat(st(9).locks()).contains(new StatementResult.Lock("public.invoices (dropped)", "ACCESS EXCLUSIVE"));
    assertThat(st(6).locks()).contains(new StatementResult.Lock("public.customers", "ACCESS EXCLUSIVE"));
    // a lock an earlier statement of the same transaction took is not taken again
    assertThat(st(10).locks()).isEmpty();
    assertThat(st(2).locks()).contains(new StatementResult.Lock("public.invoices", "ROW EXCLUSIVE"));
  }

  @Test
  void dataAtRiskIsCountedBeforeEachStatement() {
    assertThat(report.dataLoss()).extracting(DataLoss::describe)
        .containsExactly(
            "deletes from public.invoices: 60 rows, 240 non-null values",
            "overwrites name of public.customers: 20 rows, 18 non-null values",
            "rewrites column public.customers.balance to a new type: 100 rows, 100 non-null values, 100 of them change value",
            "drops table public.invoices: 240 rows, 960 non-null values");
  }

  @Test
  void dependentsBrokenAreNamedWithTheirCause() {
    assertThat(report.broken()).extracting(BrokenDependent::describe)
        .containsExactlyInAnyOrder(
            "view public.big_customers depends on it: the statement fails without CASCADE (statement 4 changes the type of public.customers.score to integer)",
            "materialized view public.invoice_totals dropped with it (CASCADE) (statement 9 drops table public.invoices)",
            "function public.noted() dynamic SQL in its body uses public.invoices: it fails when called (statement 9 drops table public.invoices)",
            "function public.customer_name(p bigint) body uses public.customers.name: it fails when called (statement 10 renames column public.customers.name to full_name)");
    assertThat(report.findings()).filteredOn(f -> f.severity() == Finding.Severity.CRITICAL).hasSize(3);
  }

  @Test
  void theCatalogDifferenceCoversEveryKind() {
    assertThat(report.diff().changes()).extracting(c -> c.describe())
        .contains(
            "renamed column public.customers.name to public.customers.full_name",
            "removed table public.invoices",
            "removed materialized view public.invoice_totals",
            "removed trigger public.invoices.invoices_touch",
            "removed constraint public.invoices.invoices_customer_id_fkey",
            "removed column public.invoices.doubled (numeric GENERATED ALWAYS AS ((amount * (2)::numeric)) STORED)",
            "added index public.customers_name_idx",
            "changed column public.customers.balance: numeric(10,2) -> integer");
  }

  @Test
  void theRollbackPlanRestoresTheOriginal() {
    RollbackPlan p = report.plan().orElseThrow();
    assertThat(p.residue()).isEmpty();
    assertThat(p.restoresCatalog()).isTrue();
    assertThat(p.restoresRows()).isTrue();
    assertThat(p.backup()).contains("CREATE TABLE airlock_backup.invoices AS SELECT id, customer_id, amount, note FROM public.invoices");
    assertThat(p.script()).contains("-- 1. BEFORE the migration");
  }

  @Test
  void nothingIsCommitted() throws Exception {
    Snapshot before;
    Map<String, Long> rows;
    try (Connection c = TestDatabase.connect(url)) {
      before = Catalog.snapshot(c);
      rows = counts(c);
      Verifier.verify(c, VerifyRequest.of(List.of(new SourceText("m.sql", MIGRATION))).withRollbackPlan(true), url, Optional.empty());
    }
    try (Connection c = TestDatabase.connect(url)) {
      assertThat(Catalog.snapshot(c)).isEqualTo(before);
      assertThat(counts(c)).isEqualTo(rows).containsEntry("invoices", 300L).containsEntry("customers", 100L);
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname = 'airlock_backup'")) {
        rs.next();
        assertThat(rs.getInt(1)).isZero();
      }
    }
  }

  @Test
  void aHeldLockMakesTheStatementFailAfterLockTimeout() throws Exception {
    try (Connection holder = TestDatabase.connect(url);
        Connection c = TestDatabase.connect(url)) {
      holder.setAutoCommit(false);
      holder.createStatement().execute("LOCK TABLE customers IN ACCESS SHARE MODE");
      VerifyReport r =
          Verifier.verify(
              c,
              VerifyRequest.of(List.of(new SourceText("m.sql", "ALTER TABLE customers ADD COLUMN x int;\nCREATE TABLE other (id int);")))
                  .withTimeouts(Duration.ofMillis(200), Duration.ofSeconds(10)),
              url,
              Optional.empty());
      holder.rollback();
      assertThat(r.statements().get(0).error().orElseThrow()).contains("lock timeout").contains("55P03");
      assertThat(r.statements().get(1).status()).isEqualTo(Status.OK);
    }
  }

  private static Map<String, Long> counts(Connection c) throws Exception {
    Map<String, Long> out = new LinkedHashMap<>();
    for (String t : List.of("customers", "invoices")) {
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*) FROM " + t)) {
        rs.next();
        out.put(t, rs.getLong(1));
      }
    }
    return out;
  }
}
