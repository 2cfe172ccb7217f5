/**
 * Knex and TypeORM migrations in JavaScript and TypeScript. Start at {@link
 * dev.airlock.migrations.js.KnexMigrations} and {@link dev.airlock.migrations.js.TypeOrmMigrations}
 * (the formats), then {@code KnexWalker} and {@code TypeOrmWalker} (what each call becomes) and
 * {@code KnexSql} / {@code TypeOrmSql} (the SQL each library sends per dialect).
 *
 * <p>Files are parsed with tree-sitter's JavaScript and TypeScript grammars (the same runtime as
 * the Python and Ruby frontends): calls in comments, strings and template literals do not count, a
 * chain split over many lines does, and a template literal is SQL only when every {@code ${}} in it
 * resolves to a constant. A regex could promise none of that; running the migration in a JS engine
 * (GraalJS, Nashorn) would execute user code and still not see through the ORM's database calls.
 */
package dev.airlock.migrations.js;
