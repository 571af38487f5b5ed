/**
 * Published snapshots and the atomic swap between them:
 * {@link com.finance.analytics.snapshot.SnapshotManager} watches
 * {@code <snapshots-dir>/CURRENT}, verifies each new snapshot's files against the
 * checksums its publisher recorded
 * ({@link com.finance.analytics.snapshot.SnapshotIntegrity}), opens it read-only, lets
 * {@link com.finance.analytics.snapshot.SnapshotPreparer}s derive per-snapshot state
 * (catalog, GraphQL schema) before it goes live, and closes a replaced snapshot only once
 * every request leasing it has finished. Each snapshot's DuckDB instance keeps its
 * connections and their prepared statements between statements. A snapshot that fails
 * verification, or that DuckDB reports damaged while serving, is rejected: the last good
 * one serves instead, and the {@code snapshots} health component reports DEGRADED. What
 * is read from a snapshot can be kept until the next swap in a
 * {@link com.finance.analytics.snapshot.SnapshotCache}.
 */
package com.finance.analytics.snapshot;
