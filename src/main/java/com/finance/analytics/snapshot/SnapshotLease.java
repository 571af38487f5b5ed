package com.finance.analytics.snapshot;

/**
 * A request's hold on one snapshot: the snapshot stays open until every lease on it is
 * closed, even after a newer one has replaced it, so a request never mixes snapshots.
 */
public final class SnapshotLease implements AutoCloseable {

	private final Snapshot snapshot;

	private boolean closed;

	SnapshotLease(Snapshot snapshot) {
		this.snapshot = snapshot;
	}

	public Snapshot snapshot() {
		return snapshot;
	}

	@Override
	public synchronized void close() {
		if (!closed) {
			closed = true;
			snapshot.release();
		}
	}

}
