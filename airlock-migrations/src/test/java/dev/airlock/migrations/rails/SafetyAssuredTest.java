package dev.airlock.migrations.rails;

import static dev.airlock.migrations.rails.RailsTesting.change;
import static dev.airlock.migrations.rails.RailsTesting.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.Allowance;
import dev.airlock.core.operation.Occurrence;
import org.junit.jupiter.api.Test;

/** strong_migrations' safety_assured and airlock:allow comments in front of calls. */
class SafetyAssuredTest {
  @Test
  void safetyAssuredAcknowledgesEveryRuleTheOperationTriggers() {
    Parsed p = parse(change("safety_assured { remove_column :orders, :legacy_order_id }"));
    Occurrence o = p.occurrences().get(0);
    assertThat(o.allowances()).extracting(Allowance::ruleId).containsExactly(Allowance.EVERY_RULE);
    assertThat(o.allowances()).extracting(Allowance::reason).containsOnly(MigrationWalker.SAFETY_ASSURED);
  }

  @Test
  void safetyAssuredDoBlockCoversExecuteToo() {
    String body =
        """
        safety_assured do
          execute "DROP TABLE old_carts CASCADE"
          change_table :carts do |t|
            t.remove :coupon
          end
        end
        """;
    Parsed p = parse(change(body));
    assertThat(p.occurrences()).allSatisfy(o -> assertThat(o.allowances()).isNotEmpty());
  }

  @Test
  void callsOutsideTheBlockAreNotAcknowledged() {
    Parsed p = parse(change("safety_assured { remove_column :a, :b }\nremove_column :c, :d"));
    assertThat(p.occurrences().get(1).allowances()).isEmpty();
  }

  @Test
  void allowCommentDirectlyAboveACall() {
    String body =
        """
        # airlock:allow drop-column the column has been unused since 2023-04 (JIRA-412)
        remove_column :orders, :legacy_order_id

        remove_column :orders, :other
        """;
    Parsed p = parse(change(body));
    assertThat(p.occurrences().get(0).allowances()).singleElement().satisfies(a -> {
      assertThat(a.ruleId()).isEqualTo("drop-column");
      assertThat(a.reason()).isEqualTo("the column has been unused since 2023-04 (JIRA-412)");
      assertThat(a.span().startLine()).isEqualTo(3);
    });
    assertThat(p.occurrences().get(1).allowances()).isEmpty();
  }

  @Test
  void blankLineBreaksTheAllowance() {
    Parsed p = parse(change("# airlock:allow drop-column reviewed\n\nremove_column :orders, :x"));
    assertThat(p.occurrences().get(0).allowances()).isEmpty();
  }

  @Test
  void trailingCommentAndCommentBeforeChangeTable() {
    String body =
        """
        remove_column :orders, :x # airlock:allow drop-column copied to orders_archive first
        # airlock:allow drop-column,rename-column reviewed with the data team
        change_table :users do |t|
          t.remove :fax
          t.rename :nick, :nickname
        end
        """;
    Parsed p = parse(change(body));
    assertThat(p.occurrences().get(0).allowances()).extracting(Allowance::reason)
        .containsExactly("copied to orders_archive first");
    assertThat(p.occurrences().get(1).allowances()).extracting(Allowance::ruleId).contains("drop-column", "rename-column");
    assertThat(p.occurrences().get(2).allowances()).extracting(Allowance::ruleId).contains("rename-column");
  }
}
