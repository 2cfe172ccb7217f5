/**
 * Environment labels stored in the database itself ({@link dev.airlock.db.env.Environment}) and
 * drift between two databases ({@link dev.airlock.db.env.Drift}).
 */
package dev.airlock.db.env;
