package com.finance.analytics.snapshot;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code snapshots} in the health: DEGRADED while the latest published snapshot was
 * rejected (damaged, changed after publishing, or unloadable) and an older one, or none,
 * is served instead; UP otherwise. DEGRADED keeps the overall status and HTTP 200 of a
 * gateway that still serves good data (application.yml orders it between OUT_OF_SERVICE
 * and UP), and the {@code duckdb} component says whether anything is served at all. The
 * details (rejected id, reason) are shown only where health details are enabled; the log
 * has them always.
 */
@Component("snapshots")
public class SnapshotRejectionHealthIndicator extends AbstractHealthIndicator {

	public static final Status DEGRADED = new Status("DEGRADED", "A published snapshot was rejected");

	private final SnapshotManager snapshots;

	public SnapshotRejectionHealthIndicator(SnapshotManager snapshots) {
		this.snapshots = snapshots;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		snapshots.latestRejection()
			.ifPresentOrElse(
					rejection -> builder.status(DEGRADED)
						.withDetail("rejectedSnapshot", rejection.id())
						.withDetail("reason", rejection.reason())
						.withDetail("rejectedAt", rejection.at().toString())
						.withDetail("servedSnapshot", snapshots.current().map(Snapshot::id).orElse("none")),
					builder::up);
	}

}
