/**
 * The tools behind {@link dev.airlock.gateway.DatabaseGateway}: {@link
 * dev.airlock.gateway.engine.Reads} (list_tables, describe_table, query), {@link
 * dev.airlock.gateway.engine.Writes} (preview, execute) and {@link
 * dev.airlock.gateway.engine.Approvals} (approval_status and approved execution); {@link
 * dev.airlock.gateway.engine.Audited} appends every call to the audit log.
 */
package dev.airlock.gateway.engine;
