package dev.airlock.db;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens connections from the URLs people paste: {@code postgres://user:pw@host:5432/db},
 * {@code postgresql://...} or {@code jdbc:postgresql://host/db?user=..}. Every failure becomes a
 * {@link DbException} with one line that names the server and never the password.
 */
public final class Connections {
  private Connections() {}

  /** A parsed URL: the JDBC URL without credentials, and the credentials apart. */
  public record Target(String jdbcUrl, String user, String password, String display) {}

  public static Target parse(String url) {
    String u = url.trim();
    if (u.startsWith("jdbc:postgresql:")) {
      u = u.substring("jdbc:".length());
    }
    if (!u.startsWith("postgres://") && !u.startsWith("postgresql://")) {
      throw new DbException(
          "not a PostgreSQL URL: '" + redact(url) + "' (expected postgres://user:password@host:5432/database)");
    }
    URI uri;
    try {
      uri = new URI(u);
    } catch (URISyntaxException e) {
      throw new DbException("not a valid PostgreSQL URL: '" + redact(url) + "': " + e.getReason());
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new DbException("PostgreSQL URL without a host: '" + redact(url) + "'");
    }
    int port = uri.getPort() < 0 ? 5432 : uri.getPort();
    String db = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
    String user = null;
    String password = null;
    if (uri.getRawUserInfo() != null) {
      String[] ui = uri.getRawUserInfo().split(":", 2);
      user = decode(ui[0]);
      password = ui.length > 1 ? decode(ui[1]) : null;
    }
    String query = uri.getRawQuery();
    if (query != null) {
      for (String kv : query.split("&")) {
        String[] p = kv.split("=", 2);
        if (p[0].equals("user") && p.length > 1) {
          user = decode(p[1]);
        } else if (p[0].equals("password") && p.length > 1) {
          password = decode(p[1]);
        }
      }
    }
    if (password == null) {
      password = System.getenv("PGPASSWORD");
    }
    String jdbc = "jdbc:postgresql://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/" + db;
    String display = "postgres://" + (user == null ? "" : user + "@") + host + ":" + port + "/" + db;
    return new Target(jdbc, user, password, display);
  }

  /** Connects, failing fast (5 s) with one line on a bad host, refused port or wrong password. */
  public static Connection open(Target t) {
    Properties p = new Properties();
    if (t.user() != null) {
      p.setProperty("user", t.user());
    }
    if (t.password() != null) {
      p.setProperty("password", t.password());
    }
    p.setProperty("connectTimeout", "5");
    p.setProperty("loginTimeout", "10");
    p.setProperty("ApplicationName", "airlock");
    try {
      return DriverManager.getConnection(t.jdbcUrl(), p);
    } catch (SQLException e) {
      throw new DbException("cannot connect to " + t.display() + ": " + reason(e), e);
    }
  }

  static String reason(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    Throwable cause = e.getCause();
    if (state.equals("28P01") || state.equals("28000")) {
      return "authentication failed (" + EmbeddedDatabase.firstLine(e) + ")";
    }
    if (cause instanceof java.net.UnknownHostException) {
      return "unknown host " + cause.getMessage();
    }
    if (cause instanceof java.net.ConnectException) {
      return "connection refused (is the server running and the port right?)";
    }
    if (cause instanceof java.net.SocketTimeoutException) {
      return "timed out";
    }
    return EmbeddedDatabase.firstLine(e);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** The URL with any password replaced by ***. */
  public static String redact(String url) {
    return url.replaceAll("(://[^:/@]*:)[^@/]*@", "$1***@").replaceAll("(password=)[^&]*", "$1***");
  }
}
