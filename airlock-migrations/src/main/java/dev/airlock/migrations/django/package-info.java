/**
 * The Django frontend. Start at {@link dev.airlock.migrations.django.DjangoFormat}; the work is in
 * {@code Interpreter}, which runs a migration's operations against the app's model state (replayed
 * from the earlier migrations by {@code History}) so that every RemoveField or DeleteModel names
 * the real table ({@code db_table}, or {@code <app>_<model>}) and column ({@code <name>_id} for a
 * foreign key), and renders the SQL Django's schema editor runs for the chosen backend ({@code
 * SchemaSql}). RunSQL goes through the SQL frontend; RunPython is a data migration whose function
 * is searched for raw SQL and {@code .delete()}.
 */
package dev.airlock.migrations.django;
