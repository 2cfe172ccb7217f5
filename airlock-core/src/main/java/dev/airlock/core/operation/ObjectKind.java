package dev.airlock.core.operation;

import java.util.Locale;

/** The kinds of database object an operation can act on. */
public enum ObjectKind {
  TABLE,
  FOREIGN_TABLE,
  PARTITION,
  VIEW,
  MATERIALIZED_VIEW,
  INDEX,
  SCHEMA,
  DATABASE,
  FUNCTION,
  PROCEDURE,
  AGGREGATE,
  TRIGGER,
  EVENT_TRIGGER,
  RULE,
  TYPE,
  DOMAIN,
  SEQUENCE,
  EXTENSION,
  ROLE,
  POLICY,
  OWNED_OBJECTS,
  TABLESPACE,
  SERVER,
  PUBLICATION,
  SUBSCRIPTION,
  EVENT,
  OTHER;

  /** How a person names the kind: "materialized view". */
  public String label() {
    return this == OWNED_OBJECTS ? "objects owned by" : name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
