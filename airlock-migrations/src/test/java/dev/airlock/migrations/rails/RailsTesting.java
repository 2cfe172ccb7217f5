package dev.airlock.migrations.rails;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.Benign;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.operation.Operation;
import dev.airlock.core.source.SourceText;
import dev.airlock.core.sql.Dialect;
import java.util.List;

/** Shared helpers: parse a migration and look at what it became. */
final class RailsTesting {
  private RailsTesting() {}

  static Parsed parse(String ruby) {
    return parse(ruby, Dialect.POSTGRESQL);
  }

  static Parsed parse(String ruby, Dialect dialect) {
    return new RailsFrontend(dialect).parse(new SourceText("db/migrate/20240101000000_test.rb", ruby));
  }

  /** A migration class around a {@code change} body. */
  static String change(String body) {
    return "class TestMigration < ActiveRecord::Migration[7.1]\n  def change\n"
        + body.indent(4)
        + "  end\nend\n";
  }

  /** A migration class with up and (optionally) down bodies. */
  static String upDown(String up, String down) {
    return "class TestMigration < ActiveRecord::Migration[7.1]\n  def up\n"
        + up.indent(4)
        + "  end\n"
        + (down == null ? "" : "\n  def down\n" + down.indent(4) + "  end\n")
        + "end\n";
  }

  /** The operations that are not Benign, in order. */
  static List<Operation> risky(Parsed parsed) {
    return parsed.occurrences().stream().map(Occurrence::operation).filter(o -> !(o instanceof Benign)).toList();
  }

  static List<Operation> ops(String ruby) {
    return risky(parse(ruby));
  }

  static List<String> sql(String ruby, Dialect dialect) {
    return parse(ruby, dialect).occurrences().stream()
        .filter(o -> !(o.operation() instanceof Benign))
        .map(o -> o.generatedSql().orElse(""))
        .toList();
  }
}
