/**
 * Catalog snapshots ({@link dev.airlock.db.catalog.Catalog#snapshot}) and their difference
 * ({@link dev.airlock.db.catalog.CatalogDiff}), shared by verify, its rollback test and drift.
 */
package dev.airlock.db.catalog;
