/**
 * The Alembic frontend. Start at {@link dev.airlock.migrations.alembic.AlembicFormat}; {@code
 * AlembicFrontend} walks {@code upgrade()} for {@code op.*} calls, {@code batch_op.*} calls inside
 * {@code with op.batch_alter_table(...)} (table taken from the with), and SQL passed to {@code
 * op.execute} or a connection's {@code execute}; then reads {@code downgrade()} to report drops it
 * cannot undo. {@code SqlTypes} renders SQLAlchemy types as DDL.
 */
package dev.airlock.migrations.alembic;
