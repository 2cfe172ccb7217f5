package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code airlock demo --no-wait}: the scripted agent talks MCP to a real {@code airlock mcp}
 * child process on the embedded shop, and the demo prints what the gateway did with each move.
 */
class DemoCommandTest {
  @TempDir Path home;

  @Test
  void theSeedsMovesAreRefusedHeldForApprovalOrAllowedAndJaneSurvives() {
    Cli r = Cli.run("demo", "--no-wait", "--home", home.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    String out = r.out();
    assertThat(out)
        .contains("database `shop`: 8 customers, 24 orders, 24 sessions")
        .contains(" 1. look around\n    agent    list_tables\n    airlock  ALLOWED: 3 tables this identity may read")
        .contains("id=4  name=Jane Testaverde  email=jane.testaverde@gmail.com")
        .contains("    agent    preview  DELETE FROM customers WHERE email LIKE '%test%'\n    airlock  DRY RUN, rolled back: would touch 34 rows: public.customers 4 deleted, public.orders 18 deleted, public.user_sessions 12 deleted")
        .contains("               id=4  email=jane.testaverde@gmail.com")
        .containsPattern("agent    execute  DELETE FROM customers WHERE email LIKE '%test%'\n    airlock  PENDING APPROVAL req-[a-z2-7]{10}: deletes the rows of `customers` that match `email LIKE '%test%'`")
        .contains("agent    execute  DROP TABLE IF EXISTS user_sessions\n    airlock  REFUSED: `DROP` is a drop statement (ddl), which the policy denies")
        .contains("agent    query  COMMIT; DROP TABLE customers\n    airlock  REFUSED: 2 statements in one call")
        .contains("agent    query  SET SESSION AUTHORIZATION postgres\n    airlock  REFUSED: ")
        .contains("params [5, 1999]\n    airlock  EXECUTED: 1 row: public.orders 1 inserted")
        .contains("customer_id=5  total_cents=1999")
        .containsPattern("approval_status  req-[a-z2-7]{10}\n    airlock  PENDING APPROVAL req-[a-z2-7]{10}: 0 of 1 approvals so far")
        .contains("Jane Testaverde is still there: 1 customer row, 14 orders.")
        .contains("1 request waiting for a person:")
        .containsPattern("console   http://127\\.0\\.0\\.1:\\d+/\\?token=")
        .contains("(--no-wait: stopping here)");
    assertThat(home.resolve("airlock.db")).exists();
  }
}
