/**
 * The gateway's JDBC side. {@link dev.airlock.gateway.db.DatabaseSession} owns the one connection
 * (transactions, timeout, reconnect); {@link dev.airlock.gateway.db.Trial} runs a write and
 * measures it; {@link dev.airlock.gateway.db.PlanTargets} asks the planner which tables a statement
 * touches; {@link dev.airlock.gateway.db.Catalog} answers list_tables and describe_table.
 */
package dev.airlock.gateway.db;
