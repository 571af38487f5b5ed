package com.finance.analytics.rest;

import com.finance.analytics.error.ErrorCode;
import com.finance.analytics.snapshot.Snapshot;
import com.finance.analytics.snapshot.SnapshotLease;
import com.finance.analytics.snapshot.SnapshotManager;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Runs a REST call's work on the current snapshot, leased for the call's duration; none
 * served is UNAVAILABLE.
 */
@Component
class LeasedSnapshots {

	private final SnapshotManager snapshots;

	LeasedSnapshots(SnapshotManager snapshots) {
		this.snapshots = snapshots;
	}

	<T> T apply(Function<Snapshot, T> work) {
		try (SnapshotLease lease = snapshots.lease().orElseThrow(ErrorCode.UNAVAILABLE::exception)) {
			return work.apply(lease.snapshot());
		}
	}

}
