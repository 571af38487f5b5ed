package com.finance.analytics.observability;

import com.finance.analytics.query.QueryExecutor;
import com.finance.analytics.query.StatementListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The DuckDB statements of {@link QueryExecutor}: how long each ran, by outcome
 * ({@code analytics_duckdb_statements_seconds}), how long it waited in line for a slot,
 * timeouts in line and while running, and, read at scrape time, how many statements hold
 * a slot, wait for one, and may run at once. The timers are recorded only when request
 * metrics are on; the gauges cost nothing per statement.
 */
final class DuckDbMeters implements StatementListener {

	private static final Duration[] BUCKETS = { Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
			Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
			Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5) };

	private final Map<StatementOutcome, Timer> ran = new EnumMap<>(StatementOutcome.class);

	private final Timer waited;

	private final Counter timedOutInLine;

	private final Counter timedOutRunning;

	DuckDbMeters(MeterRegistry registry, QueryExecutor executor, boolean timeStatements) {
		for (StatementOutcome outcome : StatementOutcome.values()) {
			ran.put(outcome,
					Timer.builder("analytics.duckdb.statements")
						.description("Time DuckDB statements ran, from getting a slot to their end, by outcome")
						.tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
						.serviceLevelObjectives(BUCKETS)
						.register(registry));
		}
		this.waited = Timer.builder("analytics.duckdb.statements.wait")
			.description("Time DuckDB statements waited in line for a slot")
			.register(registry);
		this.timedOutInLine = timeouts(registry, "queued");
		this.timedOutRunning = timeouts(registry, "running");
		Gauge.builder("analytics.duckdb.statements.active", executor, QueryExecutor::inFlight)
			.description("DuckDB statements holding a slot now")
			.register(registry);
		Gauge.builder("analytics.duckdb.statements.queued", executor, QueryExecutor::queued)
			.description("DuckDB statements waiting in line for a slot now")
			.register(registry);
		Gauge.builder("analytics.duckdb.statements.limit", executor, QueryExecutor::maxConcurrent)
			.description("DuckDB statements that may hold a slot at once (analytics.query.max-concurrent)")
			.register(registry);
		if (timeStatements) {
			executor.setListener(this);
		}
	}

	private static Counter timeouts(MeterRegistry registry, String phase) {
		return Counter.builder("analytics.duckdb.statement.timeouts")
			.description("DuckDB statements that hit analytics.query.timeout, waiting in line or running")
			.tag("phase", phase)
			.register(registry);
	}

	@Override
	public void admitted(long waitedNanos) {
		waited.record(waitedNanos, TimeUnit.NANOSECONDS);
	}

	@Override
	public void timedOutInLine() {
		timedOutInLine.increment();
	}

	@Override
	public void finished(long ranNanos, StatementOutcome outcome) {
		ran.get(outcome).record(ranNanos, TimeUnit.NANOSECONDS);
		if (outcome == StatementOutcome.TIMEOUT) {
			timedOutRunning.increment();
		}
	}

}
