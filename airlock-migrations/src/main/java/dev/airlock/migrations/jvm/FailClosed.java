package dev.airlock.migrations.jvm;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.operation.UnparsedMigration;
import dev.airlock.core.source.SourceText;
import dev.airlock.core.source.Span;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The fail-closed wrapper the JVM frontends share around their readers. */
final class FailClosed {
  private FailClosed() {}

  /**
   * Runs {@code reader} on the source; a bug or an input no reader survives is still reported as
   * one unparsed migration of {@code format} on the first line, never silence.
   */
  static Parsed parse(String format, SourceText source, Function<SourceText, Parsed> reader) {
    try {
      return reader.apply(source);
    } catch (RuntimeException | StackOverflowError e) {
      int end = source.text().indexOf('\n');
      Span span = source.span(0, end < 0 ? source.text().length() : end);
      return new Parsed(
          List.of(
              new Occurrence(
                  new UnparsedMigration(format, "could not be read: " + e),
                  span,
                  source.text().substring(0, span.endOffset()),
                  Optional.empty(),
                  Optional.empty(),
                  List.of())),
          1);
    }
  }
}
