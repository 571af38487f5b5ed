package com.finance.analytics.snapshot;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Health is UP only while a snapshot is served and its DuckDB answers a query. */
@Component("duckdb")
public class DuckDbHealthIndicator extends AbstractHealthIndicator {

	private final SnapshotManager snapshots;

	public DuckDbHealthIndicator(SnapshotManager snapshots) {
		this.snapshots = snapshots;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		Optional<SnapshotLease> lease = snapshots.lease();
		if (lease.isEmpty()) {
			builder.down().withDetail("reason", snapshots.status().problem().orElse("No snapshot is being served"));
			return;
		}
		try (SnapshotLease held = lease.get();
				Connection connection = held.snapshot().database().connect();
				Statement statement = connection.createStatement()) {
			statement.execute("select 1");
			SnapshotInfo info = held.snapshot().info();
			builder.up()
				.withDetail("snapshot", info.id())
				.withDetail("builtAt", info.builtAt().toString())
				.withDetail("datasets", held.snapshot().catalog().datasets().size());
			snapshots.status().problem().ifPresent(problem -> builder.withDetail("latestProblem", problem));
		}
	}

}
