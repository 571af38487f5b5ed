package com.finance.analytics.replica;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import com.finance.analytics.snapshot.SnapshotRejectionHealthIndicator;

/**
 * {@code replica} in the health (only with a bucket configured): DEGRADED while the local
 * replica is behind the bucket's {@code CURRENT} (store unreachable, or the snapshot it
 * names missing or damaged there), UP otherwise. Like {@code snapshots}, DEGRADED still
 * answers 200: the gateway keeps serving the last good snapshot it has. The reason is a
 * detail, shown only where health details are enabled, and always logged.
 */
class ReplicaHealthIndicator extends AbstractHealthIndicator {

	private final SnapshotReplica replica;

	ReplicaHealthIndicator(SnapshotReplica replica) {
		this.replica = replica;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		replica.problem()
			.ifPresentOrElse(
					problem -> builder.status(SnapshotRejectionHealthIndicator.DEGRADED).withDetail("reason", problem),
					builder::up);
	}

}
