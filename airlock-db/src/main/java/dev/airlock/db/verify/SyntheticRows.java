package dev.airlock.db.verify;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fills every table with N generated rows, parents before children, with values that fit each
 * column's type and length, NOT NULL, unique keys (values derive from the row number) and
 * single-column foreign keys (values are drawn from the parent's keys). One nullable value in
 * ten is NULL, so "non-null values destroyed" means something. A table whose CHECK constraints
 * or exotic types defeat the generator is reported and left as it was.
 */
final class SyntheticRows {
  private SyntheticRows() {}

  private record Col(String name, String type, String typname, String category, boolean notNull, boolean skip, int length, boolean key) {}

  static List<String> fill(Db db, int n) throws SQLException {
    Map<String, Long> tables = new LinkedHashMap<>();
    for (String[] r :
        db.rows(
            "SELECT c.oid, quote_ident(n.nspname)||'.'||quote_ident(c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relkind IN ('r','p') AND NOT c.relispartition AND n.nspname NOT IN ('pg_catalog','information_schema','airlock_backup')"
                + " AND n.nspname NOT LIKE 'pg\\_%' ORDER BY 2")) {
      tables.put(r[1], Long.parseLong(r[0]));
    }
    Map<String, Map<String, String[]>> fks = new HashMap<>();
    Map<String, Set<String>> parents = new HashMap<>();
    for (String[] r :
        db.rows(
            "SELECT quote_ident(cn.nspname)||'.'||quote_ident(c.relname), a.attname,"
                + " quote_ident(pn.nspname)||'.'||quote_ident(p.relname), pa.attname"
                + " FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid JOIN pg_namespace cn ON cn.oid = c.relnamespace"
                + " JOIN pg_class p ON p.oid = co.confrelid JOIN pg_namespace pn ON pn.oid = p.relnamespace"
                + " JOIN pg_attribute a ON a.attrelid = co.conrelid AND a.attnum = co.conkey[1]"
                + " JOIN pg_attribute pa ON pa.attrelid = co.confrelid AND pa.attnum = co.confkey[1]"
                + " WHERE co.contype = 'f' AND array_length(co.conkey, 1) = 1")) {
      fks.computeIfAbsent(r[0], k -> new HashMap<>()).put(r[1], new String[] {r[2], r[3]});
      if (!r[0].equals(r[2])) {
        parents.computeIfAbsent(r[0], k -> new HashSet<>()).add(r[2]);
      }
    }
    List<String> order = new ArrayList<>();
    Set<String> done = new HashSet<>();
    for (String t : tables.keySet()) {
      visit(t, parents, done, order, new HashSet<>());
    }
    List<String> out = new ArrayList<>();
    for (String t : order) {
      if (!tables.containsKey(t)) {
        continue;
      }
      long t0 = System.nanoTime();
      String sql = insert(db, t, tables.get(t), n, fks.getOrDefault(t, Map.of()));
      Optional<String> err = Optional.empty();
      db.exec("SAVEPOINT airlock_synthetic");
      try {
        db.exec(sql);
        db.exec("RELEASE SAVEPOINT airlock_synthetic");
      } catch (SQLException e) {
        db.exec("ROLLBACK TO SAVEPOINT airlock_synthetic");
        db.exec("RELEASE SAVEPOINT airlock_synthetic");
        err = Optional.of(Db.message(e).lines().findFirst().orElse(""));
      }
      out.add(
          err.map(e -> "synthetic rows: " + t + " left as it was: " + e)
              .orElse(String.format(Locale.ROOT, "synthetic rows: %,d into %s in %d ms", n, t, (System.nanoTime() - t0) / 1_000_000)));
    }
    return out;
  }

  private static void visit(String t, Map<String, Set<String>> parents, Set<String> done, List<String> order, Set<String> path) {
    if (done.contains(t) || !path.add(t)) {
      return;
    }
    for (String p : parents.getOrDefault(t, Set.of())) {
      visit(p, parents, done, order, path);
    }
    done.add(t);
    order.add(t);
  }

  static String insert(Db db, String table, long oid, int n, Map<String, String[]> fks) throws SQLException {
    List<Col> cols = new ArrayList<>();
    for (String[] r :
        db.rows(
            "SELECT a.attname, format_type(a.atttypid, a.atttypmod), coalesce(bt.typname, t.typname), coalesce(bt.typcategory, t.typcategory),"
                + " a.attnotnull, (a.attgenerated <> '' OR a.attidentity <> '' OR coalesce(pg_get_expr(d.adbin, d.adrelid), '') LIKE 'nextval(%'),"
                + " CASE WHEN a.atttypmod > 4 AND coalesce(bt.typcategory, t.typcategory) = 'S' THEN a.atttypmod - 4 ELSE 0 END,"
                + " EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = a.attrelid AND i.indisunique AND a.attnum = ANY(i.indkey))"
                + " FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid LEFT JOIN pg_type bt ON t.typtype = 'd' AND bt.oid = t.typbasetype"
                + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                + " WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum",
            oid)) {
      cols.add(new Col(r[0], r[1], r[2], r[3], r[4].equals("t"), r[5].equals("t"), Integer.parseInt(r[6]), r[7].equals("t")));
    }
    StringBuilder names = new StringBuilder();
    StringBuilder values = new StringBuilder();
    StringBuilder from = new StringBuilder(" FROM generate_series(1, " + n + ") g");
    int f = 0;
    for (Col c : cols) {
      if (c.skip()) {
        continue;
      }
      String expr;
      String[] fk = fks.get(c.name());
      if (fk != null) {
        String alias = "fk" + (++f);
        from.append(", (SELECT array_agg(").append(quote(fk[1])).append(") a FROM ").append(fk[0]).append(") ").append(alias);
        expr = alias + ".a[1 + (g - 1) % greatest(coalesce(array_length(" + alias + ".a, 1), 1), 1)]";
      } else {
        expr = value(c);
        if (expr == null) {
          continue;
        }
        if (!c.notNull() && !c.key()) {
          expr = "CASE WHEN g % 10 = 0 THEN NULL ELSE " + expr + " END";
        }
      }
      if (names.length() > 0) {
        names.append(", ");
        values.append(", ");
      }
      names.append(quote(c.name()));
      values.append('(').append(expr).append(")::").append(c.type());
    }
    if (names.length() == 0) {
      return "INSERT INTO " + table + " SELECT FROM generate_series(1, " + n + ")";
    }
    return "INSERT INTO " + table + " (" + names + ") SELECT " + values + from;
  }

  private static String value(Col c) {
    String t = c.typname();
    return switch (t) {
      case "int2" -> "g % 32000";
      case "int4", "int8", "oid" -> "g";
      case "numeric" -> "(g % 1000) + 0.25";
      case "float4", "float8" -> "g * 0.5";
      case "bool" -> "g % 2 = 0";
      case "date" -> "date '2024-01-01' + (g % 3650)";
      case "timestamp", "timestamptz" -> "timestamp '2024-01-01' + g * interval '1 minute'";
      case "time", "timetz" -> "time '00:00' + (g % 86400) * interval '1 second'";
      case "interval" -> "g * interval '1 second'";
      case "uuid" -> "md5(g::text)::uuid";
      case "json", "jsonb" -> "json_build_object('n', g)";
      case "bytea" -> "decode(md5(g::text), 'hex')";
      case "inet", "cidr" -> "'10.0.0.0'::inet + g";
      case "money" -> "g";
      default -> {
        if (c.category().equals("S")) {
          String s = "'" + c.name().replace("'", "''").replaceAll("[^A-Za-z0-9_]", "") + "_' || g";
          yield c.length() > 0 ? "right(" + s + ", " + c.length() + ")" : s;
        }
        if (c.category().equals("E")) {
          yield "(enum_range(NULL::" + c.type() + "))[1 + g % array_length(enum_range(NULL::" + c.type() + "), 1)]";
        }
        if (c.category().equals("A")) {
          yield "'{}'";
        }
        yield c.notNull() ? "NULL" : null;
      }
    };
  }

  private static String quote(String ident) {
    return dev.airlock.db.catalog.Names.quote(ident);
  }
}
