package dev.airlock.db.verify;

import dev.airlock.core.operation.AlterColumnType;
import dev.airlock.core.operation.Drop;
import dev.airlock.core.operation.DropColumn;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The objects pg_depend records as depending on a table or column that a statement drops or
 * retypes: views, materialized views, foreign keys, triggers, policies, generated columns,
 * indexes. Parts of a dropped table itself (its own indexes, constraints, triggers) are not
 * dependents; another table's foreign key to it is.
 */
final class Dependents {
  private Dependents() {}

  /** A dependent found before the statement ran; {@code catalog} is where to look it up again. */
  record Dep(String kind, String name, String catalog, long objid, Targets.Target target) {}

  private static final String QUERY =
      """
      SELECT DISTINCT kind, name, catalog, objid FROM (
        SELECT
          CASE d.classid
            WHEN 'pg_rewrite'::regclass THEN (SELECT CASE c.relkind WHEN 'm' THEN 'materialized view' ELSE 'view' END
                                               FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class WHERE r.oid = d.objid)
            WHEN 'pg_constraint'::regclass THEN (SELECT CASE contype WHEN 'f' THEN 'foreign key' WHEN 'c' THEN 'check constraint'
                                                  WHEN 'p' THEN 'primary key' WHEN 'u' THEN 'unique constraint' ELSE 'constraint' END
                                                  FROM pg_constraint WHERE oid = d.objid)
            WHEN 'pg_trigger'::regclass THEN 'trigger'
            WHEN 'pg_policy'::regclass THEN 'policy'
            WHEN 'pg_attrdef'::regclass THEN (SELECT CASE WHEN a.attgenerated = 's' THEN 'generated column' ELSE 'default' END
                                               FROM pg_attrdef ad JOIN pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum WHERE ad.oid = d.objid)
            WHEN 'pg_class'::regclass THEN (SELECT CASE relkind WHEN 'i' THEN 'index' WHEN 'S' THEN 'sequence' WHEN 'v' THEN 'view'
                                             WHEN 'm' THEN 'materialized view' ELSE 'relation' END FROM pg_class WHERE oid = d.objid)
            ELSE (pg_identify_object(d.classid, d.objid, d.objsubid)).type
          END AS kind,
          CASE d.classid
            WHEN 'pg_rewrite'::regclass THEN (SELECT quote_ident(n.nspname)||'.'||quote_ident(c.relname) FROM pg_rewrite r
                                               JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace WHERE r.oid = d.objid)
            WHEN 'pg_attrdef'::regclass THEN (SELECT quote_ident(n.nspname)||'.'||quote_ident(c.relname)||'.'||quote_ident(a.attname)
                                               FROM pg_attrdef ad JOIN pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
                                               JOIN pg_class c ON c.oid = ad.adrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ad.oid = d.objid)
            ELSE (pg_identify_object(d.classid, d.objid, d.objsubid)).identity
          END AS name,
          CASE d.classid WHEN 'pg_rewrite'::regclass THEN 'pg_class' ELSE d.classid::regclass::text END AS catalog,
          CASE d.classid WHEN 'pg_rewrite'::regclass THEN (SELECT ev_class FROM pg_rewrite WHERE oid = d.objid) ELSE d.objid END AS objid,
          CASE d.classid
            WHEN 'pg_rewrite'::regclass THEN (SELECT ev_class FROM pg_rewrite WHERE oid = d.objid)
            WHEN 'pg_constraint'::regclass THEN (SELECT conrelid FROM pg_constraint WHERE oid = d.objid)
            WHEN 'pg_trigger'::regclass THEN (SELECT tgrelid FROM pg_trigger WHERE oid = d.objid)
            WHEN 'pg_policy'::regclass THEN (SELECT polrelid FROM pg_policy WHERE oid = d.objid)
            WHEN 'pg_attrdef'::regclass THEN (SELECT adrelid FROM pg_attrdef WHERE oid = d.objid)
            WHEN 'pg_class'::regclass THEN (SELECT CASE WHEN relkind = 'i' THEN (SELECT indrelid FROM pg_index WHERE indexrelid = d.objid) ELSE d.objid END FROM pg_class WHERE oid = d.objid)
            ELSE 0
          END AS owner,
          (SELECT adnum FROM pg_attrdef WHERE oid = d.objid AND d.classid = 'pg_attrdef'::regclass) AS defcol
        FROM pg_depend d
        WHERE d.refclassid = 'pg_class'::regclass AND d.refobjid = ? AND (? = 0 OR d.refobjsubid = ?)
          AND d.deptype IN ('n','a') AND d.classid <> 'pg_type'::regclass
      ) x
      WHERE name IS NOT NULL AND (? = 0 OR owner <> ?) AND kind <> 'sequence'
        AND NOT (kind = 'default' AND defcol = ?) AND NOT (kind = 'generated column' AND defcol = ?)
        AND NOT (? = 0 AND kind = 'view' AND objid = ?)
      """;

  static List<Dep> before(Db db, List<Targets.Target> targets) throws SQLException {
    List<Dep> out = new ArrayList<>();
    for (Targets.Target t : targets) {
      boolean wholeTable = t.op() instanceof Drop;
      boolean column = t.op() instanceof DropColumn || t.op() instanceof AlterColumnType;
      if (!wholeTable && !column) {
        continue;
      }
      int sub = wholeTable ? 0 : t.attnum();
      int whole = wholeTable ? 1 : 0;
      for (String[] r : db.rows(QUERY, t.oid(), sub, sub, whole, t.oid(), sub, sub, sub, t.oid())) {
        out.add(new Dep(r[0], r[1], r[2], Long.parseLong(r[3]), t));
      }
    }
    return out;
  }

  static boolean exists(Db db, Dep d) throws SQLException {
    if (!d.catalog().matches("pg_[a-z_]+")) {
      return true;
    }
    return db.row("SELECT 1 FROM " + d.catalog() + " WHERE oid = ?", d.objid()).isPresent();
  }
}
