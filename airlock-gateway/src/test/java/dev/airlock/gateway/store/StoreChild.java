package dev.airlock.gateway.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * A stand-in gateway process for {@link StoreRestartTest}: files requests, audits each, then
 * takes the SQLite write lock, writes half an entry and waits to be killed.
 */
public final class StoreChild {
  private StoreChild() {}

  public static void main(String[] args) throws Exception {
    Path home = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    try (Store s = Stores.open(Optional.empty(), home)) {
      for (int i = 0; i < n; i++) {
        String id = s.create(StoreContract.request("agent", List.of(), 1)).id();
        s.append(Fixtures.event("agent", "execute", "ask"));
        System.out.println(id);
      }
    }
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("airlock.db"));
    Statement st = c.createStatement();
    st.execute("BEGIN IMMEDIATE");
    st.execute("INSERT INTO audit (sequence, time, identity, tool, decision, millis, detail, previous_hash, hash) "
        + "VALUES (6, 0, 'x', 'x', 'x', 0, 'x', 'x', 'x')");
    System.out.println("holding the write lock");
    System.out.flush();
    Thread.sleep(600_000);
  }
}
