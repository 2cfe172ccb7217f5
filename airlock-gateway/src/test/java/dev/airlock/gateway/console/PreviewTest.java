package dev.airlock.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading previews: the engine's shape exactly, other shapes tolerantly, nothing dropped. */
class PreviewTest {
  @Test
  void theEnginesShape() {
    Preview p = Preview.parse(ConsoleFixture.CUSTOMERS_PREVIEW);
    assertThat(p.totalRows()).contains(3L);
    assertThat(p.rowsPerTable()).containsExactly(new Preview.TableRows("public.customers", 3, "3 deleted"));
    assertThat(p.samples()).singleElement().satisfies(s -> {
      assertThat(s.table()).isEqualTo("public.customers");
      assertThat(s.what()).isEqualTo("the rows the statement selects, before it ran");
      assertThat(s.columns()).containsExactly("id", "email", "name", "created_at");
      assertThat(s.rows().get(0)).containsExactly("17", "dana.testa@example.com", "Dana Testa", "2023-09-14");
      assertThat(s.rows().get(2)).contains("NULL");
      assertThat(s.truncated()).isFalse();
    });
    assertThat(p.rules()).containsExactly(
        new Preview.RuleHit("pattern-delete", "high", "deletes the rows of `customers` that match `email LIKE '%test%'`; real rows match patterns too"));
    assertThat(p.locks()).containsExactly("RowExclusiveLock on public.customers");
    assertThat(p.policy()).contains("ask (writes-need-approval): every write on production needs a human");
    assertThat(p.other()).isEmpty();
    assertThat(p.notRun()).isEmpty();
  }

  @Test
  void aStatementTheGatewayDidNotDryRun() {
    Preview p = Preview.parse(
        "{\"statement\":\"ALTER TABLE t DROP COLUMN c\",\"previewed\":false,\"why\":\"the gateway dry-runs only INSERT, UPDATE, DELETE and MERGE\","
            + "\"rules\":[{\"id\":\"drop-column\",\"severity\":\"high\",\"message\":\"drops column `c`\"}]}");
    assertThat(p.notRun()).contains("the gateway dry-runs only INSERT, UPDATE, DELETE and MERGE");
    assertThat(p.totalRows()).isEmpty();
    assertThat(p.rules()).extracting(Preview.RuleHit::id).containsExactly("drop-column");
  }

  @Test
  void otherShapesAreReadAndUnknownFieldsKept() {
    Preview p = Preview.parse(
        "{\"rowsPerTable\":{\"a\":2,\"b\":1},\"samples\":[{\"table\":\"a\",\"rows\":[{\"id\":1,\"x\":\"y\"},{\"id\":2}]}],"
            + "\"rules\":[\"tautological-where\"],\"locks\":[\"AccessExclusiveLock on a\"],\"plan\":{\"cost\":12}}");
    assertThat(p.totalRows()).contains(3L);
    assertThat(p.rowsPerTable()).extracting(Preview.TableRows::table).containsExactly("a", "b");
    assertThat(p.samples().get(0).columns()).containsExactly("id", "x");
    assertThat(p.samples().get(0).rows()).containsExactly(List.of("1", "y"), List.of("2", ""));
    assertThat(p.rules()).extracting(Preview.RuleHit::id).containsExactly("tautological-where");
    assertThat(p.locks()).containsExactly("AccessExclusiveLock on a");
    assertThat(p.other()).containsOnlyKeys("plan");
  }

  @Test
  void somethingThatIsNotJsonIsShownAsItIs() {
    assertThat(Preview.parse("not json").unreadable()).contains("not json");
    assertThat(Preview.parse("[1,2]").unreadable()).contains("[1,2]");
    assertThat(Preview.parse("{}").unreadable()).isEqualTo(Optional.empty());
  }
}
