package dev.airlock.gateway.sql;

import java.util.Set;

/** PostgreSQL's keyword classes, as far as telling a function call from syntax needs them. */
final class Keywords {
  private Keywords() {}

  /** Reserved keywords: never a function, table or type name unless quoted (PostgreSQL 17). */
  static final Set<String> RESERVED =
      Set.of(
          "ALL", "ANALYSE", "ANALYZE", "AND", "ANY", "ARRAY", "AS", "ASC", "ASYMMETRIC", "BOTH", "CASE",
          "CAST", "CHECK", "COLLATE", "COLUMN", "CONSTRAINT", "CREATE", "CURRENT_CATALOG", "CURRENT_DATE",
          "CURRENT_ROLE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_USER", "DEFAULT", "DEFERRABLE",
          "DESC", "DISTINCT", "DO", "ELSE", "END", "EXCEPT", "FALSE", "FETCH", "FOR", "FOREIGN", "FROM",
          "GRANT", "GROUP", "HAVING", "IN", "INITIALLY", "INTERSECT", "INTO", "LATERAL", "LEADING", "LIMIT",
          "LOCALTIME", "LOCALTIMESTAMP", "NOT", "NULL", "OFFSET", "ON", "ONLY", "OR", "ORDER", "PLACING",
          "PRIMARY", "REFERENCES", "RETURNING", "SELECT", "SESSION_USER", "SOME", "SYMMETRIC",
          "SYSTEM_USER", "TABLE", "THEN", "TO", "TRAILING", "TRUE", "UNION", "UNIQUE", "USER", "USING",
          "VARIADIC", "WHEN", "WHERE", "WINDOW", "WITH");

  /**
   * Keywords that may name a column but never a function or type: those followed by {@code (}
   * are PostgreSQL's own constructs (COALESCE, EXTRACT, a type modifier, ...), all without side
   * effects.
   */
  static final Set<String> COLUMN_NAME_ONLY =
      Set.of(
          "BETWEEN", "BIGINT", "BIT", "BOOLEAN", "CHAR", "CHARACTER", "COALESCE", "DEC", "DECIMAL", "EXISTS",
          "EXTRACT", "FLOAT", "GREATEST", "GROUPING", "INOUT", "INT", "INTEGER", "INTERVAL", "JSON",
          "JSON_ARRAY", "JSON_ARRAYAGG", "JSON_EXISTS", "JSON_OBJECT", "JSON_OBJECTAGG", "JSON_QUERY",
          "JSON_SCALAR", "JSON_SERIALIZE", "JSON_TABLE", "JSON_VALUE", "LEAST", "MERGE_ACTION", "NATIONAL",
          "NCHAR", "NONE", "NORMALIZE", "NULLIF", "NUMERIC", "OUT", "OVERLAY", "POSITION", "PRECISION",
          "REAL", "ROW", "SETOF", "SMALLINT", "SUBSTRING", "TIME", "TIMESTAMP", "TREAT", "TRIM", "VALUES",
          "VARCHAR", "XMLATTRIBUTES", "XMLCONCAT", "XMLELEMENT", "XMLEXISTS", "XMLFOREST",
          "XMLNAMESPACES", "XMLPARSE", "XMLPI", "XMLROOT", "XMLSERIALIZE", "XMLTABLE");

  /**
   * Words that may name a function but are also syntax between two operands: {@code a JOIN (b)},
   * {@code x LIKE (y)}. Only in that position are they syntax.
   */
  static final Set<String> INFIX = Set.of("JOIN", "LIKE", "ILIKE", "SIMILAR", "IS", "OVERLAPS");

  /** Statement heads that never belong inside a query: after {@code (} they start a write. */
  static final Set<String> NON_QUERY_HEADS =
      Set.of(
          "INSERT", "UPDATE", "DELETE", "MERGE", "TRUNCATE", "DROP", "CREATE", "ALTER", "GRANT", "REVOKE",
          "COPY", "CALL", "DO", "LOCK", "SET", "RESET", "COMMIT", "ROLLBACK", "BEGIN", "START", "ABORT",
          "SAVEPOINT", "RELEASE", "PREPARE", "EXECUTE", "DEALLOCATE", "LISTEN", "NOTIFY", "UNLISTEN",
          "VACUUM", "CLUSTER", "REINDEX", "REFRESH", "DISCARD", "LOAD", "CHECKPOINT", "SECURITY", "IMPORT",
          "COMMENT", "DECLARE", "FETCH", "MOVE", "CLOSE", "REASSIGN", "EXPLAIN", "SHOW");

  static final Set<String> DML_HEADS = Set.of("INSERT", "UPDATE", "DELETE", "MERGE");

  static final Set<String> QUERY_HEADS = Set.of("SELECT", "VALUES", "TABLE", "WITH");
}
