/**
 * Published snapshots and the atomic swap between them: {@link com.finance.analytics.snapshot.SnapshotManager} watches
 * {@code <snapshots-dir>/CURRENT}, opens each new snapshot read-only, lets {@link
 * com.finance.analytics.snapshot.SnapshotPreparer}s derive per-snapshot state (catalog, GraphQL schema) before it goes
 * live, and closes a replaced snapshot only once every request leasing it has finished. Each snapshot's DuckDB
 * instance keeps its connections and their prepared statements between statements.
 */
package com.finance.analytics.snapshot;
