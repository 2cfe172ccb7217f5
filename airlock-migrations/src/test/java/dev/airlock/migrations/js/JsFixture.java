package dev.airlock.migrations.js;

import dev.airlock.core.check.Checker;
import dev.airlock.core.check.FileReport;
import dev.airlock.core.finding.Finding;
import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.Benign;
import dev.airlock.core.operation.IrreversibleMigration;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.operation.Operation;
import dev.airlock.core.policy.Config;
import dev.airlock.core.source.SourceText;
import dev.airlock.core.sql.Dialect;
import java.util.List;

/** Shared helpers: parse a Knex or TypeORM migration and look at what it became. */
final class JsFixture {
  private JsFixture() {}

  static Parsed knex(String js) {
    return knex(js, Dialect.POSTGRESQL);
  }

  static Parsed knex(String js, Dialect dialect) {
    return KnexWalker.parse(new SourceText("migrations/20240101000000_test.js", js), dialect);
  }

  static Parsed knexTs(String ts) {
    return KnexWalker.parse(
        new SourceText("migrations/20240101000000_test.ts", ts), Dialect.POSTGRESQL);
  }

  static Parsed typeorm(String ts) {
    return typeorm(ts, Dialect.POSTGRESQL);
  }

  static Parsed typeorm(String ts, Dialect dialect) {
    return TypeOrmWalker.parse(new SourceText("src/migrations/1700000000000-Test.ts", ts), dialect);
  }

  /** A CommonJS Knex migration around an {@code up} body (and a {@code down} body when given). */
  static String up(String body, String down) {
    return "exports.up = async function (knex) {\n"
        + body.indent(2)
        + "};\n\n"
        + "exports.down = async function (knex) {\n"
        + (down == null ? "  // nothing to undo\n" : down.indent(2))
        + "};\n";
  }

  static String up(String body) {
    return up(
        body, "await knex.schema.createTable('placeholder', (t) => { t.increments('id'); });");
  }

  /** A TypeORM migration class around {@code up} and {@code down} bodies. */
  static String migration(String up, String down) {
    return "import { MigrationInterface, QueryRunner, Table, TableColumn } from \"typeorm\";\n\n"
        + "export class Test1700000000000 implements MigrationInterface {\n"
        + "  name = \"Test1700000000000\";\n\n"
        + "  public async up(queryRunner: QueryRunner): Promise<void> {\n"
        + up.indent(4)
        + "  }\n\n"
        + "  public async down(queryRunner: QueryRunner): Promise<void> {\n"
        + down.indent(4)
        + "  }\n"
        + "}\n";
  }

  static String migration(String up) {
    return migration(
        up, "await queryRunner.query(`CREATE TABLE \"placeholder\" (\"id\" integer)`);");
  }

  /** The operations of the calls that are not Benign, in order (the rollback check left out). */
  static List<Operation> risky(Parsed parsed) {
    return parsed.occurrences().stream()
        .map(Occurrence::operation)
        .filter(JsFixture::ofACall)
        .toList();
  }

  private static boolean ofACall(Operation o) {
    return !(o instanceof Benign) && !(o instanceof IrreversibleMigration);
  }

  static List<String> sql(Parsed parsed) {
    return parsed.occurrences().stream()
        .filter(o -> ofACall(o.operation()))
        .map(o -> o.generatedSql().orElse(""))
        .toList();
  }

  /** The rule ids the checker reports, "~" before a suppressed one. */
  static List<String> rules(String path, String text, dev.airlock.core.frontend.Frontend frontend) {
    FileReport report = new Checker(Config.defaults()).check(new SourceText(path, text), frontend);
    return report.findings().stream()
        .map(f -> (f.suppression().isPresent() ? "~" : "") + f.rule().id())
        .toList();
  }

  static List<Finding> findings(
      String path, String text, dev.airlock.core.frontend.Frontend frontend) {
    return new Checker(Config.defaults()).check(new SourceText(path, text), frontend).findings();
  }
}
