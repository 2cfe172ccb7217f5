package dev.airlock.db.env;

import dev.airlock.db.DbException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The environment label a database carries about itself: a line {@code airlock-env: production}
 * in its COMMENT ON DATABASE, which every Airlock command that connects reads and prints. A
 * database comment needs no schema of ours, survives pg_dump, and keeps whatever else the
 * comment said.
 */
public final class Environment {
  private Environment() {}

  public static final Set<String> LABELS = Set.of("production", "staging", "dev");
  private static final String PREFIX = "airlock-env:";

  public static Optional<String> read(Connection c) {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = current_database()");
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next() || rs.getString(1) == null) {
        return Optional.empty();
      }
      for (String line : rs.getString(1).split("\n")) {
        if (line.strip().toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
          return Optional.of(line.strip().substring(PREFIX.length()).strip().toLowerCase(Locale.ROOT));
        }
      }
      return Optional.empty();
    } catch (SQLException e) {
      throw new DbException("cannot read the environment label: " + e.getMessage(), e);
    }
  }

  /** Sets the label, keeping the rest of the comment. Commits (the label must persist). */
  public static void write(Connection c, String label) {
    String l = label.toLowerCase(Locale.ROOT);
    if (!LABELS.contains(l)) {
      throw new DbException("unknown environment '" + label + "' (use production, staging or dev)");
    }
    try {
      String old = "";
      try (PreparedStatement ps =
              c.prepareStatement("SELECT coalesce(shobj_description(oid, 'pg_database'), '') FROM pg_database WHERE datname = current_database()");
          ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          old = rs.getString(1);
        }
      }
      List<String> lines = new ArrayList<>();
      for (String line : old.split("\n")) {
        if (!line.isBlank() && !line.strip().toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
          lines.add(line);
        }
      }
      lines.add(PREFIX + " " + l);
      String sql;
      try (PreparedStatement ps = c.prepareStatement("SELECT format('COMMENT ON DATABASE %I IS %L', current_database(), ?)")) {
        ps.setString(1, String.join("\n", lines));
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          sql = rs.getString(1);
        }
      }
      try (var st = c.createStatement()) {
        st.execute(sql);
      }
      if (!c.getAutoCommit()) {
        c.commit();
      }
    } catch (SQLException e) {
      throw new DbException("cannot label the database: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
  }
}
