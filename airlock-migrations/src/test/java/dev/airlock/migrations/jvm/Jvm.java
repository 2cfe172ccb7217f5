package dev.airlock.migrations.jvm;

import dev.airlock.core.check.Checker;
import dev.airlock.core.check.FileReport;
import dev.airlock.core.frontend.Frontend;
import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.operation.Operation;
import dev.airlock.core.policy.Config;
import dev.airlock.core.source.SourceText;
import dev.airlock.core.sql.Dialect;
import dev.airlock.migrations.MigrationFormat;
import dev.airlock.migrations.Project;
import java.nio.file.Path;
import java.util.List;

/** Test helpers: run one of the JVM formats on a text. */
final class Jvm {
  private Jvm() {}

  static Parsed parse(MigrationFormat format, String path, String text) {
    Path p = Path.of(path);
    Frontend f = format.frontend(p, Dialect.POSTGRESQL, Project.none());
    return f.parse(new SourceText(path, text));
  }

  static Parsed java(String path, String text) {
    return parse(new FlywayJavaFormat(), path, text);
  }

  static Parsed settings(String path, String text) {
    return parse(new SpringSettingsFormat(), path, text);
  }

  static Parsed build(String path, String text) {
    return parse(new BuildScriptsFormat(), path, text);
  }

  static List<Operation> ops(Parsed p) {
    return p.occurrences().stream().map(Occurrence::operation).toList();
  }

  /** Operations that are not Benign. */
  static List<Operation> flagged(Parsed p) {
    return p.occurrences().stream().map(Occurrence::operation).filter(o -> !(o instanceof dev.airlock.core.operation.Benign)).toList();
  }

  static List<Occurrence> flaggedOccurrences(Parsed p) {
    return p.occurrences().stream().filter(o -> !(o.operation() instanceof dev.airlock.core.operation.Benign)).toList();
  }

  static List<String> ruleIds(MigrationFormat format, String path, String text) {
    Frontend f = format.frontend(Path.of(path), Dialect.POSTGRESQL, Project.none());
    FileReport r = new Checker(Config.defaults()).check(new SourceText(path, text), f);
    return r.findings().stream().filter(x -> x.suppression().isEmpty()).map(x -> x.rule().id()).toList();
  }

  static List<String> suppressed(MigrationFormat format, String path, String text) {
    Frontend f = format.frontend(Path.of(path), Dialect.POSTGRESQL, Project.none());
    FileReport r = new Checker(Config.defaults()).check(new SourceText(path, text), f);
    return r.findings().stream().filter(x -> x.suppression().isPresent()).map(x -> x.rule().id()).toList();
  }
}
