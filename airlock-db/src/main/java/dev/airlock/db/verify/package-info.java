/**
 * {@code airlock verify}. {@link dev.airlock.db.verify.Verifier} is the entry point; the core's
 * splitter cuts statements, the core's classifier says what each aims at ({@code Targets}),
 * {@code Losses} counts data at risk ({@code ColumnScans}: one scan for a run of column drops),
 * {@code Dependents} reads pg_depend, {@code Bodies} lexes routine bodies, {@code Planner} writes
 * and tests the rollback plan.
 */
package dev.airlock.db.verify;
