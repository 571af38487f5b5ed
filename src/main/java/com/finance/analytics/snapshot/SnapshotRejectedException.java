package com.finance.analytics.snapshot;

/**
 * A snapshot that must never be served: its files do not match what was published, DuckDB
 * reports it damaged, or it could not be loaded. The message says why, for an operator
 * (it goes to the log and the health details).
 */
public final class SnapshotRejectedException extends RuntimeException {

	SnapshotRejectedException(String message) {
		super(message);
	}

}
