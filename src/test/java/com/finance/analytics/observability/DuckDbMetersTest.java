package com.finance.analytics.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.finance.analytics.TestFixtures;
import com.finance.analytics.catalog.Catalog;
import com.finance.analytics.error.AnalyticsException;
import com.finance.analytics.query.QueryExecutor;
import com.finance.analytics.query.QueryProperties;
import com.finance.analytics.query.SqlStatement;
import com.finance.analytics.snapshot.Snapshot;
import com.finance.analytics.snapshot.SnapshotDatabase;
import com.finance.analytics.snapshot.SnapshotInfo;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The executor's meters, on statements in the real test snapshot: each statement timed
 * under its outcome, a cancelled one counted as a timeout, the slot gauges.
 */
class DuckDbMetersTest {

	/** Minutes of work for DuckDB: it only ends early if it is cancelled. */
	private static final SqlStatement ENDLESS = new SqlStatement(
			"select sum(a.range * b.range) from range(100000000) a, range(100000) b", List.of());

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final QueryExecutor executor = new QueryExecutor(new QueryProperties(Duration.ofMillis(300), 1));

	private Snapshot snapshot;

	@BeforeEach
	void open() throws Exception {
		SnapshotDatabase database = SnapshotDatabase
			.open(TestFixtures.currentTestSnapshot().resolve("analytics.duckdb"), 1);
		snapshot = new Snapshot(new SnapshotInfo("test", Instant.now(), "", null, null), database,
				Catalog.of(List.of(), List.of()));
		new DuckDbMeters(registry, executor, true);
	}

	@AfterEach
	void close() throws Exception {
		snapshot.database().close();
	}

	@Test
	void answeredStatementIsTimedAsOkAndHoldsNoSlotAfterwards() {
		executor.execute(snapshot, new SqlStatement("select count(*) from main.fct_transactions", List.of()),
				rows -> rows.next());

		assertThat(registry.get("analytics.duckdb.statements").tag("outcome", "ok").timer().count()).isEqualTo(1);
		assertThat(registry.get("analytics.duckdb.statements.wait").timer().count()).isEqualTo(1);
		assertThat(registry.get("analytics.duckdb.statements.active").gauge().value()).isZero();
		assertThat(registry.get("analytics.duckdb.statements.limit").gauge().value()).isEqualTo(1);
	}

	@Test
	void statementsAreNotTimedWhenRequestMetricsAreOff() {
		SimpleMeterRegistry off = new SimpleMeterRegistry();
		QueryExecutor untimed = new QueryExecutor(new QueryProperties(Duration.ofSeconds(10), 1));
		new DuckDbMeters(off, untimed, false);

		untimed.execute(snapshot, new SqlStatement("select 1", List.of()), rows -> rows.next());

		assertThat(off.get("analytics.duckdb.statements").tag("outcome", "ok").timer().count()).isZero();
		assertThat(off.get("analytics.duckdb.statements.limit").gauge().value()).isEqualTo(1);
	}

	@Test
	@Timeout(value = 2, unit = TimeUnit.MINUTES)
	void cancelledStatementIsCountedAsATimeoutWhileRunning() {
		assertThatThrownBy(() -> executor.execute(snapshot, ENDLESS, rows -> rows.next()))
			.isInstanceOf(AnalyticsException.class);

		assertThat(registry.get("analytics.duckdb.statements").tag("outcome", "timeout").timer().count()).isEqualTo(1);
		assertThat(registry.get("analytics.duckdb.statement.timeouts").tag("phase", "running").counter().count())
			.isEqualTo(1);
		assertThat(registry.get("analytics.duckdb.statement.timeouts").tag("phase", "queued").counter().count())
			.isZero();
	}

}
