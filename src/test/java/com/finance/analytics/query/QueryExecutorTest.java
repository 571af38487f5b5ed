package com.finance.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.finance.analytics.TestFixtures;
import com.finance.analytics.catalog.Catalog;
import com.finance.analytics.error.AnalyticsException;
import com.finance.analytics.error.ErrorCode;
import com.finance.analytics.snapshot.Snapshot;
import com.finance.analytics.snapshot.SnapshotDatabase;
import com.finance.analytics.snapshot.SnapshotInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Statements on the real test snapshot: the timeout really cancels DuckDB's work and
 * frees the slot.
 */
class QueryExecutorTest {

	/** Minutes of work for DuckDB: it only ends early if it is cancelled. */
	private static final SqlStatement ENDLESS = new SqlStatement(
			"select sum(a.range * b.range) from range(100000000) a, range(100000) b", List.of());

	private Snapshot snapshot;

	@BeforeEach
	void open() throws Exception {
		SnapshotDatabase database = SnapshotDatabase
			.open(TestFixtures.currentTestSnapshot().resolve("analytics.duckdb"), 2);
		snapshot = new Snapshot(new SnapshotInfo("test", Instant.now(), "", null, null), database,
				Catalog.of(List.of(), List.of()));
	}

	@AfterEach
	void close() throws Exception {
		snapshot.database().close();
	}

	@Test
	@Timeout(value = 2, unit = TimeUnit.MINUTES)
	void timedOutStatementIsCancelledInDuckDbAndReportedAsTimeout() {
		QueryExecutor executor = new QueryExecutor(new QueryProperties(Duration.ofMillis(300), 1));

		assertThatThrownBy(() -> executor.execute(snapshot, ENDLESS, rows -> rows.next())).isInstanceOfSatisfying(
				AnalyticsException.class, error -> assertThat(error.code()).isEqualTo(ErrorCode.TIMEOUT));

		long count = executor.execute(snapshot,
				new SqlStatement("select count(*) from main.fct_transactions", List.of()), rows -> {
					rows.next();
					return rows.getLong(1);
				});
		assertThat(count).as("the single slot was released").isPositive();
	}

	@Test
	void statementAskedForOnAVirtualThreadRunsOnAPlatformThread() throws Exception {
		QueryExecutor executor = new QueryExecutor(new QueryProperties(Duration.ofSeconds(10), 1));
		AtomicReference<Boolean> ranVirtual = new AtomicReference<>();

		Thread.ofVirtual()
			.start(() -> ranVirtual.set(executor.execute(snapshot, new SqlStatement("select 1", List.of()),
					rows -> Thread.currentThread().isVirtual())))
			.join();

		assertThat(ranVirtual.get()).as("DuckDB's JNI call would pin the virtual thread's carrier").isFalse();
	}

	@Test
	@Timeout(value = 2, unit = TimeUnit.MINUTES)
	void timeoutOfAStatementAskedForOnAVirtualThreadReachesTheCaller() throws Exception {
		QueryExecutor executor = new QueryExecutor(new QueryProperties(Duration.ofMillis(300), 1));
		AtomicReference<Throwable> failure = new AtomicReference<>();

		Thread.ofVirtual().start(() -> {
			try {
				executor.execute(snapshot, ENDLESS, rows -> rows.next());
			}
			catch (RuntimeException e) {
				failure.set(e);
			}
		}).join();

		assertThat(failure.get()).isInstanceOfSatisfying(AnalyticsException.class,
				error -> assertThat(error.code()).isEqualTo(ErrorCode.TIMEOUT));
	}

	@Test
	void statementsReuseOneKeptConnectionAndItsPreparedStatement() {
		QueryExecutor executor = new QueryExecutor(new QueryProperties(Duration.ofSeconds(10), 1));
		SqlStatement count = new SqlStatement("select count(*) from main.fct_transactions where amount > ?",
				List.of(new java.math.BigDecimal("0")));

		long first = executor.execute(snapshot, count, rows -> rows.next() ? rows.getLong(1) : -1);
		long again = executor.execute(snapshot,
				new SqlStatement(count.sql(), List.of(new java.math.BigDecimal("-1000000000.00"))),
				rows -> rows.next() ? rows.getLong(1) : -1);

		assertThat(first).isPositive();
		assertThat(again).as("the kept statement is bound with the new value").isGreaterThan(first);
		assertThat(snapshot.database().idleConnections()).isEqualTo(1);
	}

	@Test
	@Timeout(value = 2, unit = TimeUnit.MINUTES)
	void connectionOfATimedOutStatementIsNotKept() {
		QueryExecutor executor = new QueryExecutor(new QueryProperties(Duration.ofMillis(300), 1));

		assertThatThrownBy(() -> executor.execute(snapshot, ENDLESS, rows -> rows.next()))
			.isInstanceOf(AnalyticsException.class);

		assertThat(snapshot.database().idleConnections()).isZero();
	}

	@Test
	void failingStatementReportsAnInternalErrorWithoutItsSql() {
		QueryExecutor executor = new QueryExecutor(new QueryProperties(Duration.ofSeconds(10), 1));

		assertThatThrownBy(() -> executor.execute(snapshot,
				new SqlStatement("select * from main.no_such_table", List.of()), rows -> rows.next()))
			.isInstanceOfSatisfying(AnalyticsException.class, error -> {
				assertThat(error.code()).isEqualTo(ErrorCode.INTERNAL);
				assertThat(error.getMessage()).doesNotContain("no_such_table");
			});
	}

}
