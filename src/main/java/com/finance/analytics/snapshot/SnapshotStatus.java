package com.finance.analytics.snapshot;

import java.util.Optional;

/**
 * What is being served: the current snapshot (if any), how many datasets it exposes, and
 * why the latest published id could not be served, if it could not.
 */
public record SnapshotStatus(Optional<SnapshotInfo> current, int datasetCount, Optional<String> problem) {

	public boolean available() {
		return current.isPresent();
	}
}
