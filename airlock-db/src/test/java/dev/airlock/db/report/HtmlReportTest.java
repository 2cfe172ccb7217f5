package dev.airlock.db.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.db.verify.VerifyReport;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The HTML rendering of verify reports: golden files for the seed incident and for a migration
 * that exercises every kind of result, and proof that names and SQL are escaped. What a reader
 * sees in a real browser is checked in {@link HtmlReportBrowserTest}.
 */
class HtmlReportTest {
  static final String SCHEMA =
      """
      CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL UNIQUE, name text, score numeric(10,2), balance numeric(10,2));
      CREATE TABLE invoices (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id), amount numeric(10,2) NOT NULL, note text);
      CREATE TABLE sessions (id bigint PRIMARY KEY, token text NOT NULL);
      CREATE VIEW big_customers AS SELECT id, email FROM customers WHERE score > 50;
      CREATE VIEW invoice_totals AS SELECT customer_id, sum(amount) AS total FROM invoices GROUP BY customer_id;
      CREATE FUNCTION customer_name(p bigint) RETURNS text LANGUAGE sql STABLE AS $$ SELECT name FROM customers WHERE id = p $$;
      INSERT INTO customers SELECT g, 'c' || g || '@example.com', CASE WHEN g % 10 = 0 THEN NULL ELSE 'name' || g END, g, g + 0.25
        FROM generate_series(1, 100) g;
      INSERT INTO invoices SELECT g, 1 + g % 100, g % 50, 'n' || g FROM generate_series(1, 300) g;
      INSERT INTO sessions SELECT g, md5(g::text) FROM generate_series(1, 40) g;
      """;

  static final String MIGRATION =
      """
      BEGIN;
      UPDATE customers SET email = upper(email) WHERE id <= 20;
      ALTER TABLE customers ALTER COLUMN score TYPE integer;
      ALTER TABLE customers ALTER COLUMN balance TYPE integer;
      ALTER TABLE customers RENAME COLUMN name TO full_name;
      ALTER TABLE customers ADD COLUMN tier text NOT NULL DEFAULT 'basic';
      DROP TABLE invoices CASCADE;
      TRUNCATE sessions;
      CREATE TABLE audit_events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, what text NOT NULL);
      CREATE INDEX CONCURRENTLY customers_email_lower ON customers (lower(email));
      VACUUM customers;
      COMMIT;
      """;

  @Test
  void theOrdersIncidentMatchesItsGoldenFile() throws Exception {
    Golden.assertMatches("verify-orders.html", VerifyReports.render(Reports.stable(Reports.orders()), "html"));
  }

  @Test
  void everyKindOfResultMatchesItsGoldenFile() throws Exception {
    VerifyReport r = Reports.verify(SCHEMA, MIGRATION);
    String html = VerifyReports.render(Reports.stable(r), "html");
    // the picture: a renamed, a retyped, an overwritten and an added column, a dropped and a new table
    assertThat(html)
        .contains("<span class=\"old\">name</span> → <span class=\"col-name\">full_name</span>")
        .contains("<span class=\"old\">numeric(10,2)</span> → <span class=\"col-type\">integer</span>")
        .contains("<tr class=\"col overwritten\"")
        .contains("<tr class=\"col added\" id=\"col-public.customers.tier\">")
        .contains("<article class=\"card dropped\" id=\"table-public.invoices\">")
        .contains("<article class=\"card added\" id=\"table-public.audit_events\">")
        .contains("<tr id=\"stmt-11\" class=\"not-dry-runnable\">");
    // the function that reads the renamed column links to that column's row
    assertThat(html).containsPattern("customer_name\\(p bigint\\)</code><p class=\"how\">[^<]*</p><p class=\"cause\">caused by <a class=\"cause-link\" href=\"#col-public.customers.name\">");
    Golden.assertMatches("verify-mixed.html", html);
  }

  @Test
  void namesStringsAndErrorsAreEscaped() throws Exception {
    String html = VerifyReports.render(Reports.verify(Injection.SCHEMA, Injection.MIGRATION), "html");
    String lower = html.toLowerCase(Locale.ROOT);
    assertThat(lower).doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>").doesNotContain("<svg");
    assertThat(html)
        .contains("<code>public.&quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;</code>")
        .contains("<span class=\"col-name\">&lt;img src=x onerror=alert(2)&gt;</span>")
        .contains("invalid input syntax for type integer: &quot;&lt;script&gt;alert(3)&lt;/script&gt;&quot;")
        .contains("&lt;/pre&gt;&lt;svg onload=alert(4)&gt;");
    // ids are made of safe characters only, whatever the names
    assertThat(html).doesNotContainPattern("id=\"[^\"]*[<>&'][^\"]*\"");
  }

  @Test
  void anEmptyMigrationIsSafeAndSaysSo() throws Exception {
    String html = VerifyReports.render(Reports.verify("CREATE TABLE t (id int);", "SELECT 1;"), "html");
    assertThat(html)
        .contains("<section id=\"summary\" class=\"verdict safe\">")
        .contains("Safe: nothing destroyed or broken")
        .contains("No table is changed, and no row destroyed.")
        .contains("None: nothing that depends on what the migration changes breaks.");
  }

  /** Identifiers, strings and an error message that are HTML. */
  static final class Injection {
    static final String SCHEMA =
        """
        CREATE TABLE "<script>alert(1)</script>" (id bigint PRIMARY KEY, "<img src=x onerror=alert(2)>" text);
        INSERT INTO "<script>alert(1)</script>" VALUES (1, 'a'), (2, NULL), (3, 'c');
        CREATE FUNCTION "<b>bold</b>"() RETURNS text LANGUAGE plpgsql AS $$
          BEGIN RETURN (SELECT "<img src=x onerror=alert(2)>" FROM "<script>alert(1)</script>" LIMIT 1); END $$;
        """;
    static final String MIGRATION =
        """
        ALTER TABLE "<script>alert(1)</script>" DROP COLUMN "<img src=x onerror=alert(2)>";
        SELECT '<script>alert(3)</script>'::int;
        SELECT '</pre><svg onload=alert(4)>';
        """;

    private Injection() {}
  }
}
