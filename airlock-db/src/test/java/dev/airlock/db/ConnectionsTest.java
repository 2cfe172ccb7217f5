package dev.airlock.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/** Every way a --db URL can be wrong ends in one line that names the server, never the password. */
class ConnectionsTest {
  @Test
  void parsesTheUsualForms() {
    var t = Connections.parse("postgres://alice:s%40cret@db.internal:6543/shop?sslmode=disable");
    assertThat(t.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/shop");
    assertThat(t.user()).isEqualTo("alice");
    assertThat(t.password()).isEqualTo("s@cret");
    assertThat(t.display()).isEqualTo("postgres://alice@db.internal:6543/shop").doesNotContain("cret");
    assertThat(Connections.parse("jdbc:postgresql://h/d?user=bob&password=x").user()).isEqualTo("bob");
    assertThat(Connections.parse("postgresql://h").jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/postgres");
  }

  @Test
  void aBadUrlIsOneLine() {
    assertThatThrownBy(() -> Connections.parse("mysql://root:hunter2@h/d"))
        .isInstanceOf(DbException.class)
        .hasMessage("not a PostgreSQL URL: 'mysql://root:***@h/d' (expected postgres://user:password@host:5432/database)");
    assertThatThrownBy(() -> Connections.parse("postgres:///nohost")).hasMessageStartingWith("PostgreSQL URL without a host");
  }

  @Test
  void anUnreachableServerIsOneLine() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    int closed = port;
    assertThatThrownBy(() -> Connections.open(Connections.parse("postgres://u:pw@127.0.0.1:" + closed + "/x")))
        .isInstanceOf(DbException.class)
        .hasMessage("cannot connect to postgres://u@127.0.0.1:" + closed + "/x: connection refused (is the server running and the port right?)");
    assertThatThrownBy(() -> Connections.open(Connections.parse("postgres://u@no-such-host.invalid/x")))
        .hasMessageStartingWith("cannot connect to postgres://u@no-such-host.invalid:5432/x: unknown host");
  }

  @Test
  void aWrongPasswordIsOneLine() throws Exception {
    int port = TestDatabase.server().port();
    assertThatThrownBy(() -> Connections.open(Connections.parse("postgres://pw_user:wrong@127.0.0.1:" + port + "/postgres")))
        .isInstanceOf(DbException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("wrong"))
        .hasMessageContaining("authentication failed");
    try (Connection c = Connections.open(Connections.parse("postgres://pw_user:right@127.0.0.1:" + port + "/postgres"))) {
      assertThat(c.isValid(2)).isTrue();
    }
  }
}
