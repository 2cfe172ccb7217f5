/**
 * Shared reading of Python migration files (Django, Alembic) with tree-sitter-python. Start at
 * {@link dev.airlock.migrations.python.PythonSource}, which copies tree-sitter's tree into plain
 * {@link dev.airlock.migrations.python.PyNode}s with Java char offsets; {@link
 * dev.airlock.migrations.python.PyCall} sorts out arguments, {@link
 * dev.airlock.migrations.python.PyLiterals} reads string values (implicit concatenation, {@code +},
 * raw and triple-quoted strings, names bound to constants), and {@link
 * dev.airlock.migrations.python.PyComments} finds the allow comments of a call.
 *
 * <p>Why tree-sitter rather than regular expressions or a hand-written parser: a destructive call
 * in a comment or a string must not count and a call split over many lines must, which needs a real
 * tokenizer and grammar; tree-sitter-python is complete for Python 3.12 syntax, error tolerant (a
 * file with one syntax error still yields the rest), and parses a 200-line migration in well under
 * a millisecond. Copying its tree once into Java objects avoids a native call per node visit.
 */
package dev.airlock.migrations.python;
