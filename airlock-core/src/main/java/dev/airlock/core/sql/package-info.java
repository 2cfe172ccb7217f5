/**
 * The SQL frontend. {@link dev.airlock.core.sql.SqlFrontend} is the entry point: {@link
 * dev.airlock.core.sql.SqlLexer} makes exact tokens, {@link
 * dev.airlock.core.sql.StatementSplitter} cuts statements, and {@code StatementClassifier} turns
 * each into operations. No third-party parser: a hand-written lexer and head classifier are
 * complete for the forms the rules need and an order of magnitude faster than a full grammar.
 */
package dev.airlock.core.sql;
