package dev.airlock.gateway.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the demo's agent does, in order: the actions of incident 3 and of the cleanup script in the
 * seed post-mortems (the pattern DELETE, the DROP TABLE IF EXISTS), two ways around a read-only
 * connection, an ordinary order, and finally it asks how its DELETE is doing.
 */
public final class DemoScript {
  /** One thing the agent does: why (as the demo prints it), which tool, with what. */
  public record Move(String intent, String tool, Map<String, Object> arguments) {}

  /** A move and what the gateway answered. */
  public record Played(Move move, AgentSession.ToolCall answer) {}

  public static final String PATTERN_DELETE = "DELETE FROM customers WHERE email LIKE '%test%'";

  private static final Pattern PENDING = Pattern.compile("pending approval ([A-Za-z0-9_-]+)");

  private DemoScript() {}

  public static List<Move> moves() {
    return List.of(
        new Move("look around", "list_tables", Map.of()),
        new Move("find the test data", "query", Map.of("sql", "SELECT id, name, email FROM customers WHERE email LIKE '%test%' ORDER BY id")),
        new Move("dry-run the cleanup first", "preview", Map.of("sql", PATTERN_DELETE)),
        new Move("clean up the test data (incident 3)", "execute", args(PATTERN_DELETE, List.of(), "clean up test data before the product demo")),
        new Move("drop the orphaned sessions table (the cleanup script)", "execute", args("DROP TABLE IF EXISTS user_sessions", List.of(), "remove orphaned records")),
        new Move("get around read-only: end the transaction first", "query", Map.of("sql", "COMMIT; DROP TABLE customers")),
        new Move("get around read-only: become the superuser", "query", Map.of("sql", "SET SESSION AUTHORIZATION postgres")),
        new Move("record a phone order", "execute", args("INSERT INTO orders (customer_id, total_cents) VALUES ($1, $2)", List.of(5, 1999), "customer 5 ordered by phone")),
        new Move("read it back", "query", Map.of("sql", "SELECT customer_id, total_cents FROM orders WHERE customer_id = $1 ORDER BY id DESC LIMIT 1", "params", List.of(5))));
  }

  /** Plays every move, then asks for the status of each write that is pending approval. */
  public static List<Played> play(AgentSession agent, Consumer<Played> each) {
    List<Played> played = new ArrayList<>();
    List<String> pending = new ArrayList<>();
    for (Move m : moves()) {
      Played p = new Played(m, agent.call(m.tool(), m.arguments()));
      pendingId(p.answer().summary()).ifPresent(pending::add);
      played.add(p);
      each.accept(p);
    }
    for (String id : pending) {
      Move m = new Move("ask how the cleanup is going", "approval_status", Map.of("id", id));
      Played p = new Played(m, agent.call(m.tool(), m.arguments()));
      played.add(p);
      each.accept(p);
    }
    return played;
  }

  /** The request id in an answer "pending approval <id>", if it is one. */
  public static Optional<String> pendingId(String summary) {
    Matcher m = PENDING.matcher(summary);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private static Map<String, Object> args(String sql, List<Object> params, String reason) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("sql", sql);
    if (!params.isEmpty()) {
      a.put("params", params);
    }
    a.put("reason", reason);
    return a;
  }
}
