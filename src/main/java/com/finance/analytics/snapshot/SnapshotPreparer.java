package com.finance.analytics.snapshot;

/**
 * Derives per-snapshot state (e.g. the GraphQL schema) once, before the snapshot goes
 * live, and attaches it with {@link Snapshot#attach}. A failure rejects the snapshot: the
 * previous one stays current.
 */
public interface SnapshotPreparer {

	void prepare(Snapshot snapshot) throws Exception;

}
