package com.finance.analytics.observability;

import com.finance.analytics.snapshot.Snapshot;
import com.finance.analytics.snapshot.SnapshotListener;
import com.finance.analytics.snapshot.SnapshotManager;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;

/**
 * The served snapshot: {@code analytics_snapshot_info{snapshot_id}} is 1 while that
 * snapshot is served (0 once serving stopped without a successor, e.g. after damage with
 * no fallback), its age since it was built, swaps, and whether the newest published
 * snapshot is rejected. The id is the one tag whose value changes, once per swap: the
 * previous snapshot's series is removed then, so the scrape holds one.
 */
final class SnapshotMeters implements SnapshotListener {

	private static final String INFO = "analytics.snapshot.info";

	private final MeterRegistry registry;

	private final SnapshotManager snapshots;

	private final Counter swaps;

	private Gauge info;

	SnapshotMeters(MeterRegistry registry, SnapshotManager snapshots) {
		this.registry = registry;
		this.snapshots = snapshots;
		this.swaps = Counter.builder("analytics.snapshot.swaps")
			.description("Snapshots made current (the first one at start-up included)")
			.register(registry);
		Gauge.builder("analytics.snapshot.age", snapshots, SnapshotMeters::ageSeconds)
			.description("Seconds since the served snapshot was built (NaN while none is served)")
			.baseUnit("seconds")
			.register(registry);
		Gauge
			.builder("analytics.snapshot.rejected", snapshots, manager -> manager.latestRejection().isPresent() ? 1 : 0)
			.description("1 while the newest published snapshot is rejected and an older one (or none) is served")
			.register(registry);
		snapshots.current().ifPresent(this::describe);
		snapshots.addListener(this);
	}

	@Override
	public void snapshotPublished(Snapshot current) {
		swaps.increment();
		describe(current);
	}

	private synchronized void describe(Snapshot served) {
		if (info != null) {
			if (info.getId().getTag("snapshot_id").equals(served.id())) {
				return;
			}
			registry.remove(info);
		}
		String id = served.id();
		info = Gauge.builder(INFO, snapshots, manager -> isServed(manager, id) ? 1 : 0)
			.description("1 while the snapshot with this id is served")
			.tag("snapshot_id", id)
			.register(registry);
	}

	private static boolean isServed(SnapshotManager snapshots, String id) {
		return snapshots.current().map(snapshot -> snapshot.id().equals(id)).orElse(false);
	}

	private static double ageSeconds(SnapshotManager snapshots) {
		return snapshots.current()
			.map(snapshot -> Duration.between(snapshot.info().builtAt(), Instant.now()).toMillis() / 1000.0)
			.orElse(Double.NaN);
	}

}
