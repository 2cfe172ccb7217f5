package dev.airlock.core.sql;

import java.util.Locale;
import java.util.Optional;

/** The SQL dialects the lexer knows; each differs in comments, quoting and block syntax. */
public enum Dialect {
  POSTGRESQL,
  MYSQL,
  SQLITE,
  /** Accepts the union of the others' syntax where they do not conflict. */
  GENERIC;

  public static Optional<Dialect> parse(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "postgresql", "postgres", "pg" -> Optional.of(POSTGRESQL);
      case "mysql", "mariadb" -> Optional.of(MYSQL);
      case "sqlite", "sqlite3" -> Optional.of(SQLITE);
      case "generic", "ansi" -> Optional.of(GENERIC);
      default -> Optional.empty();
    };
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  boolean hashComments() {
    return this == MYSQL;
  }

  boolean nestedBlockComments() {
    return this == POSTGRESQL || this == GENERIC;
  }

  boolean dollarQuotes() {
    return this == POSTGRESQL || this == GENERIC;
  }

  boolean backslashEscapesInStrings() {
    return this == MYSQL;
  }

  boolean backtickIdentifiers() {
    return this != POSTGRESQL;
  }

  boolean bracketIdentifiers() {
    return this == SQLITE;
  }

  boolean delimiterCommand() {
    return this == MYSQL || this == GENERIC;
  }

  /** Trigger and routine bodies written inline as BEGIN ... END (not as a quoted string). */
  boolean inlineCompoundBodies() {
    return this != POSTGRESQL;
  }
}
