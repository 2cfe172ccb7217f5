package dev.airlock.gateway.sql;

import dev.airlock.core.policy.GatewayPolicy.Kind;
import dev.airlock.core.sql.Token;
import java.util.List;
import java.util.Locale;

/**
 * What kind of statement an agent sent, by its head keywords, for the policy's {@code deny} list. A
 * WITH takes the kind of its main statement, or of the first CTE that writes; anything unknown is
 * {@link Kind#UNKNOWN}, which no policy can allow.
 */
public final class StatementKinds {
  private StatementKinds() {}

  public static Kind of(OneStatement statement) {
    List<Token> t = statement.code();
    try {
      return at(t, 0, t.size());
    } catch (Refused e) {
      return Kind.UNKNOWN;
    }
  }

  private static Kind at(List<Token> t, int from, int to) throws Refused {
    Token head = t.get(from);
    String h = head.text().toUpperCase(Locale.ROOT);
    Token next = from + 1 < to ? t.get(from + 1) : null;
    return switch (h) {
      case "(", "SELECT", "VALUES", "TABLE", "SHOW", "EXPLAIN" -> Kind.SELECT;
      case "WITH" -> with(t, from, to);
      case "INSERT" -> Kind.INSERT;
      case "UPDATE" -> Kind.UPDATE;
      case "DELETE" -> Kind.DELETE;
      case "MERGE" -> Kind.MERGE;
      case "CREATE" -> create(t, from + 1, to);
      case "ALTER" -> alter(next);
      case "DROP" -> drop(next);
      case "TRUNCATE" -> Kind.TRUNCATE;
      case "COMMENT", "SECURITY" -> Kind.COMMENT;
      case "REFRESH" -> Kind.REFRESH;
      case "IMPORT" -> Kind.CREATE;
      case "GRANT" -> Kind.GRANT;
      case "REVOKE" -> Kind.REVOKE;
      case "REASSIGN" -> Kind.ROLE;
      case "COPY" -> Kind.COPY;
      case "DO" -> Kind.DO;
      case "CALL" -> Kind.CALL;
      case "LOCK" -> Kind.LOCK;
      case "LOAD" -> Kind.LOAD;
      case "VACUUM", "ANALYZE", "ANALYSE", "CLUSTER", "REINDEX", "CHECKPOINT" -> Kind.MAINTENANCE;
      case "SET",
          "RESET",
          "DISCARD",
          "LISTEN",
          "UNLISTEN",
          "NOTIFY",
          "PREPARE",
          "EXECUTE",
          "DEALLOCATE",
          "DECLARE",
          "FETCH",
          "MOVE",
          "CLOSE" ->
          next != null && next.is("TRANSACTION") && h.equals("PREPARE")
              ? Kind.TRANSACTION
              : Kind.SESSION;
      case "BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT", "SAVEPOINT", "RELEASE" ->
          Kind.TRANSACTION;
      default -> Kind.UNKNOWN;
    };
  }

  private static Kind with(List<Token> t, int from, int to) throws Refused {
    WithClause with = WithClause.read(t, from, to);
    Kind main = at(t, with.main(), to);
    if (main != Kind.SELECT) {
      return main;
    }
    for (WithClause.Cte cte : with.ctes()) {
      if (cte.bodyFrom() < cte.bodyTo()) {
        Kind k = at(t, cte.bodyFrom(), cte.bodyTo());
        if (k != Kind.SELECT) {
          return k;
        }
      }
    }
    return Kind.SELECT;
  }

  private static Kind create(List<Token> t, int i, int to) {
    while (i < to
        && t.get(i)
            .isAny(
                "OR",
                "REPLACE",
                "TEMP",
                "TEMPORARY",
                "UNLOGGED",
                "GLOBAL",
                "LOCAL",
                "TRUSTED",
                "PROCEDURAL",
                "UNIQUE",
                "DEFAULT")) {
      i++;
    }
    Token what = i < to ? t.get(i) : null;
    if (what == null) {
      return Kind.UNKNOWN;
    }
    if (what.isAny("ROLE", "USER", "GROUP")) {
      return Kind.ROLE;
    }
    if (what.isAny("DATABASE", "TABLESPACE", "SUBSCRIPTION", "PUBLICATION", "SERVER")) {
      return Kind.DATABASE;
    }
    if (what.isAny("EXTENSION", "LANGUAGE")) {
      return Kind.EXTENSION;
    }
    return Kind.CREATE;
  }

  private static Kind alter(Token what) {
    if (what == null) {
      return Kind.UNKNOWN;
    }
    if (what.is("SYSTEM")) {
      return Kind.ALTER_SYSTEM;
    }
    if (what.isAny("ROLE", "USER", "GROUP")) {
      return Kind.ROLE;
    }
    if (what.is("DEFAULT")) {
      return Kind.GRANT;
    }
    if (what.isAny("DATABASE", "TABLESPACE", "SUBSCRIPTION", "PUBLICATION", "SERVER")) {
      return Kind.DATABASE;
    }
    if (what.isAny("EXTENSION", "LANGUAGE")) {
      return Kind.EXTENSION;
    }
    return Kind.ALTER;
  }

  private static Kind drop(Token what) {
    if (what == null) {
      return Kind.UNKNOWN;
    }
    if (what.isAny("ROLE", "USER", "GROUP", "OWNED")) {
      return Kind.ROLE;
    }
    if (what.isAny("DATABASE", "TABLESPACE", "SUBSCRIPTION", "PUBLICATION", "SERVER")) {
      return Kind.DATABASE;
    }
    if (what.isAny("EXTENSION", "LANGUAGE")) {
      return Kind.EXTENSION;
    }
    return Kind.DROP;
  }
}
