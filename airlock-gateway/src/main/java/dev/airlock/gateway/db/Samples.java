package dev.airlock.gateway.db;

import dev.airlock.core.sql.Token;
import dev.airlock.core.sql.TokenKind;
import dev.airlock.gateway.sql.DmlShape;
import dev.airlock.gateway.sql.OneStatement;
import dev.airlock.gateway.sql.Refused;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the SELECT that shows which rows an UPDATE or DELETE is about to touch: the target's
 * primary key and the columns its condition reads, from the same table, joins and WHERE, with the
 * same parameter values. For {@code DELETE FROM customers WHERE email LIKE '%test%'} that is {@code
 * SELECT customers.id, customers.email FROM customers WHERE email LIKE '%test%'}.
 */
public final class Samples {
  private Samples() {}

  public static Optional<Trial.SampleQuery> of(
      Connection c, OneStatement statement, List<Object> parameters, int limit)
      throws SQLException, Refused {
    Optional<DmlShape> found = DmlShape.of(statement);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    DmlShape shape = found.get();
    Optional<Catalog.Table> table = Catalog.resolve(c, shape.table());
    if (table.isEmpty()) {
      return Optional.empty();
    }
    List<String> columns = new ArrayList<>();
    for (Catalog.Column col : Catalog.columns(c, table.get().oid())) {
      columns.add(col.name());
    }
    Set<String> shown = new LinkedHashSet<>(Catalog.primaryKey(c, table.get().oid()));
    for (String name : shape.conditionNames(statement.code())) {
      if (columns.contains(name)) {
        shown.add(name);
      }
    }
    if (shown.isEmpty()) {
      shown.addAll(columns);
    }
    String alias = quote(identifier(shape.alias()));
    boolean aliased = shape.alias().start() >= statement.code().get(shape.tableTo() - 1).end();
    StringBuilder sql = new StringBuilder("SELECT ");
    String sep = "";
    for (String col : shown) {
      sql.append(sep).append(alias).append('.').append(quote(col));
      sep = ", ";
    }
    OneStatement.Segment target = statement.segment(shape.tableFrom(), shape.tableTo());
    sql.append(" FROM ").append(target.sql()).append(aliased ? " AS " + alias : "");
    List<Object> values = new ArrayList<>();
    if (shape.joinFrom() >= 0) {
      OneStatement.Segment join = statement.segment(shape.joinFrom(), shape.joinTo());
      sql.append(", ").append(join.sql());
      values.addAll(statement.bind(parameters, join));
    }
    if (shape.whereFrom() >= 0) {
      OneStatement.Segment where = statement.segment(shape.whereFrom(), shape.whereTo());
      sql.append(" WHERE ").append(where.sql());
      values.addAll(statement.bind(parameters, where));
    }
    sql.append(" LIMIT ").append(limit + 1);
    return Optional.of(new Trial.SampleQuery(sql.toString(), values));
  }

  private static String identifier(Token t) {
    return t.kind() == TokenKind.QUOTED_IDENTIFIER ? t.value() : t.text().toLowerCase(Locale.ROOT);
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
