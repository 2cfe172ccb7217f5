package dev.airlock.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening stores: where the file goes and how it is protected, URLs, schema versions. */
class StoresTest {
  @TempDir Path tmp;

  @Test
  void theDefaultIsAPrivateWalFileUnderAirlockHome() throws Exception {
    Path home = tmp.resolve("nested/.airlock");
    try (Store s = Stores.open(Optional.empty(), home)) {
      s.append(Fixtures.event("agent", "query", "allow"));
    }
    Path db = home.resolve("airlock.db");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home))).isEqualTo("rwx------");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        ResultSet rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("wal");
    }
  }

  @Test
  void aSqliteUrlPointsAnywhere() {
    Path file = tmp.resolve("elsewhere.db");
    try (Store s = Stores.open(Optional.of("sqlite:" + file), tmp.resolve("home"))) {
      s.create(StoreContract.request("agent", List.of(), 1));
    }
    assertThat(file).exists();
    assertThat(tmp.resolve("home")).doesNotExist();
  }

  @Test
  void anUnknownUrlIsOneLineWithoutThePassword() {
    assertThatThrownBy(() -> Stores.open(Optional.of("mysql://root:hunter2@db/x"), tmp))
        .isInstanceOf(StoreException.class)
        .hasMessage("not a store URL: 'mysql://root:***@db/x' (expected postgres://user:password@host:5432/database, "
            + "sqlite:/path/to/airlock.db, or none for " + tmp.resolve("airlock.db") + ")");
  }

  @Test
  void anUnreachablePostgresIsOneLine() {
    assertThatThrownBy(() -> Stores.open(Optional.of("postgres://u:secret@127.0.0.1:1/x"), tmp))
        .isInstanceOf(StoreException.class)
        .hasMessage("cannot open the store postgres://u@127.0.0.1:1/x: cannot connect to postgres://u@127.0.0.1:1/x: "
            + "connection refused (is the server running and the port right?)");
  }

  @Test
  void aStoreFromANewerAirlockIsRefused() throws Exception {
    try (Store s = Stores.open(Optional.empty(), tmp)) {
      s.append(Fixtures.event("agent", "query", "allow"));
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("airlock.db"))) {
      c.createStatement().execute("UPDATE schema_version SET version = 99");
    }
    assertThatThrownBy(() -> Stores.open(Optional.empty(), tmp))
        .isInstanceOf(StoreException.class)
        .hasMessage("the store is at schema version 99 but this airlock knows only up to " + Schema.latest() + "; upgrade airlock");
  }

  @Test
  void reopeningDoesNotMigrateAgain() throws Exception {
    try (Store s = Stores.open(Optional.empty(), tmp)) {
      s.append(Fixtures.event("agent", "query", "allow"));
    }
    try (Store s = Stores.open(Optional.empty(), tmp)) {
      assertThat(s.audit(AuditFilter.all())).hasSize(1);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("airlock.db"));
        ResultSet rs = c.createStatement().executeQuery("SELECT count(*), max(version) FROM schema_version")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(1);
      assertThat(rs.getInt(2)).isEqualTo(Schema.latest());
    }
  }
}
