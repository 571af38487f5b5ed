package com.finance.analytics.snapshot;

/**
 * Told after a new snapshot has become current (the swap has happened; requests now lease
 * the new one).
 */
public interface SnapshotListener {

	void snapshotPublished(Snapshot current);

}
