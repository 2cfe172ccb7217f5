package dev.airlock.db.env;

import dev.airlock.core.report.Json;
import dev.airlock.db.DbException;
import dev.airlock.db.catalog.Catalog;
import dev.airlock.db.catalog.CatalogDiff;
import dev.airlock.db.catalog.Change;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What differs between two databases that should match (staging and production): the catalog
 * (the same snapshot code as verify), each table's row-count order of magnitude, and the
 * settings a connection sees (server version, extensions, search_path, time zone, encoding).
 */
public final class Drift {
  private Drift() {}

  /** A setting or a table's size that differs. */
  public record Difference(String what, String from, String to) {}

  public record Report(
      String from, String to, CatalogDiff catalog, List<Difference> rows, List<Difference> settings) {
    public boolean drifted() {
      return !catalog.isEmpty() || !rows.isEmpty() || !settings.isEmpty();
    }
  }

  public static Report compare(Connection from, Connection to, String fromName, String toName) {
    try {
      CatalogDiff diff = CatalogDiff.between(Catalog.snapshot(from), Catalog.snapshot(to), false);
      return new Report(fromName, toName, diff, differences(sizes(from), sizes(to)), differences(settings(from), settings(to)));
    } catch (SQLException e) {
      throw new DbException("drift: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
  }

  private static List<Difference> differences(Map<String, String> a, Map<String, String> b) {
    List<Difference> out = new ArrayList<>();
    TreeSet<String> keys = new TreeSet<>(a.keySet());
    keys.addAll(b.keySet());
    for (String k : keys) {
      String x = a.getOrDefault(k, "(none)");
      String y = b.getOrDefault(k, "(none)");
      if (!x.equals(y)) {
        out.add(new Difference(k, x, y));
      }
    }
    return out;
  }

  /** Each table's estimated row count as an order of magnitude: 0, 1-9, 10-99, ... */
  static Map<String, String> sizes(Connection c) throws SQLException {
    Map<String, String> out = new TreeMap<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT quote_ident(n.nspname)||'.'||quote_ident(c.relname), c.reltuples::bigint, coalesce(s.n_live_tup, 0)"
                    + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid"
                    + " WHERE c.relkind IN ('r','p') AND n.nspname NOT IN ('pg_catalog','information_schema','airlock_backup')"
                    + " AND n.nspname NOT LIKE 'pg\\_%'")) {
      while (rs.next()) {
        long n = rs.getLong(2) >= 0 ? Math.max(rs.getLong(2), rs.getLong(3)) : rs.getLong(3);
        out.put(rs.getString(1), magnitude(n));
      }
    }
    return out;
  }

  static String magnitude(long n) {
    if (n <= 0) {
      return "0 rows";
    }
    long lo = 1;
    while (lo * 10 <= n) {
      lo *= 10;
    }
    return String.format(Locale.ROOT, "%,d-%,d rows", lo, lo * 10 - 1);
  }

  static Map<String, String> settings(Connection c) throws SQLException {
    Map<String, String> out = new LinkedHashMap<>();
    try (Statement st = c.createStatement()) {
      try (ResultSet rs =
          st.executeQuery(
              "SELECT name, setting FROM pg_settings WHERE name IN ('server_version','search_path','TimeZone','server_encoding',"
                  + "'lc_collate','lc_ctype','DateStyle','default_transaction_isolation','standard_conforming_strings')")) {
        while (rs.next()) {
          out.put("setting " + rs.getString(1), rs.getString(2));
        }
      }
      try (ResultSet rs = st.executeQuery("SELECT extname, extversion FROM pg_extension")) {
        while (rs.next()) {
          out.put("extension " + rs.getString(1), rs.getString(2));
        }
      }
    }
    return out;
  }

  public static String text(Report r) {
    StringBuilder sb = new StringBuilder();
    sb.append("airlock drift: ").append(r.from()).append(" -> ").append(r.to()).append('\n');
    sb.append(r.drifted() ? String.format(Locale.ROOT, "DRIFT: %d catalog differences, %d table sizes, %d settings%n", r.catalog().changes().size(), r.rows().size(), r.settings().size()) : "No drift.\n");
    if (!r.catalog().isEmpty()) {
      sb.append("\nCatalog (what the second has that the first has not: +; the reverse: -)\n");
      for (Change c : r.catalog().changes()) {
        sb.append("  ").append(c.describe()).append('\n');
      }
    }
    if (!r.rows().isEmpty()) {
      sb.append("\nTable sizes\n");
      r.rows().forEach(d -> sb.append("  ").append(d.what()).append(": ").append(d.from()).append(" vs ").append(d.to()).append('\n'));
    }
    if (!r.settings().isEmpty()) {
      sb.append("\nSettings\n");
      r.settings().forEach(d -> sb.append("  ").append(d.what()).append(": ").append(d.from()).append(" vs ").append(d.to()).append('\n'));
    }
    return sb.toString();
  }

  public static String json(Report r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("from", r.from());
    m.put("to", r.to());
    m.put("drift", r.drifted());
    m.put("catalog", r.catalog().changes().stream().map(c -> Json.object("change", c.type().name().toLowerCase(Locale.ROOT), "kind", c.kind(), "name", c.name(), "description", c.describe())).toList());
    m.put("tableSizes", r.rows().stream().map(d -> Json.object("table", d.what(), "from", d.from(), "to", d.to())).toList());
    m.put("settings", r.settings().stream().map(d -> Json.object("setting", d.what(), "from", d.from(), "to", d.to())).toList());
    return Json.write(m);
  }

  public static String markdown(Report r) {
    StringBuilder sb = new StringBuilder("## airlock drift\n\n`" + r.from() + "` → `" + r.to() + "`: " + (r.drifted() ? "**drift**" : "no drift") + "\n\n");
    if (!r.catalog().isEmpty()) {
      sb.append("### Catalog\n\n");
      r.catalog().changes().forEach(c -> sb.append("- ").append(c.describe().replace("|", "\\|")).append('\n'));
      sb.append('\n');
    }
    if (!r.rows().isEmpty() || !r.settings().isEmpty()) {
      sb.append("| What | ").append(r.from()).append(" | ").append(r.to()).append(" |\n|---|---|---|\n");
      for (Difference d : r.rows()) {
        sb.append("| ").append(d.what()).append(" | ").append(d.from()).append(" | ").append(d.to()).append(" |\n");
      }
      for (Difference d : r.settings()) {
        sb.append("| ").append(d.what()).append(" | ").append(d.from()).append(" | ").append(d.to()).append(" |\n");
      }
    }
    return sb.toString();
  }
}
