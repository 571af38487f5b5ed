package com.finance.analytics.query;

import com.finance.analytics.catalog.Column;
import com.finance.analytics.error.AnalyticsException;
import com.finance.analytics.error.ErrorCode;
import com.finance.analytics.snapshot.DuckDbDamage;
import com.finance.analytics.snapshot.PooledConnection;
import com.finance.analytics.snapshot.Snapshot;
import com.finance.analytics.snapshot.SnapshotDatabase;
import jakarta.annotation.PreDestroy;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs statements on a snapshot: at most {@code maxConcurrent} at once (the rest wait in
 * line), each on a kept connection of the snapshot's shared instance with its prepared
 * statement reused, and each really cancelled in DuckDB when the timeout passes. A
 * statement runs on the request's own thread, a platform thread; one asked for on a
 * virtual thread (requests run on them with {@code spring.threads.virtual.enabled}) runs
 * on one of {@code maxConcurrent} platform threads instead: DuckDB works inside a JNI
 * call, which would pin the virtual thread's carrier, and with one carrier per core two
 * running statements would stall every other request. A statement that finds the
 * snapshot's file damaged reports it to the snapshot (which the manager then stops
 * serving) and answers UNAVAILABLE: the caller can retry on the snapshot served next.
 */
@Component
public class QueryExecutor {

	private static final Logger LOG = LoggerFactory.getLogger(QueryExecutor.class);

	private final long timeoutNanos;

	private final int maxConcurrent;

	private final Semaphore slots;

	private volatile StatementListener listener = StatementListener.NONE;

	private final AtomicLong statements = new AtomicLong();

	private final ScheduledThreadPoolExecutor canceller = new ScheduledThreadPoolExecutor(1,
			Thread.ofPlatform().daemon().name("query-canceller").factory());

	/**
	 * As many threads as slots: a statement only gets here holding a slot, so none waits
	 * for a thread.
	 */
	private final ExecutorService statementThreads;

	public QueryExecutor(QueryProperties properties) {
		this.timeoutNanos = properties.timeout().toNanos();
		this.maxConcurrent = properties.effectiveMaxConcurrent();
		this.slots = new Semaphore(maxConcurrent, true);
		this.statementThreads = Executors.newFixedThreadPool(properties.effectiveMaxConcurrent(),
				Thread.ofPlatform().daemon().name("duckdb-statement-", 0).factory());
		// Nearly every statement ends long before its deadline: drop its cancellation at
		// once instead of keeping
		// thousands of dead entries queued for the whole timeout.
		canceller.setRemoveOnCancelPolicy(true);
	}

	@FunctionalInterface
	public interface ResultHandler<T> {

		T handle(ResultSet rows) throws SQLException;

	}

	public <T> T execute(Snapshot snapshot, SqlStatement statement, ResultHandler<T> handler) {
		long arrived = System.nanoTime();
		long deadline = arrived + timeoutNanos;
		StatementListener told = listener;
		try {
			acquireSlot();
		}
		catch (AnalyticsException refused) {
			if (refused.code() == ErrorCode.TIMEOUT) {
				told.timedOutInLine();
			}
			throw refused;
		}
		long admitted = System.nanoTime();
		told.admitted(admitted - arrived);
		StatementListener.StatementOutcome outcome = StatementListener.StatementOutcome.ERROR;
		try {
			T result = Thread.currentThread().isVirtual()
					? onPlatformThread(() -> executeAdmitted(snapshot, statement, handler, deadline))
					: executeAdmitted(snapshot, statement, handler, deadline);
			outcome = StatementListener.StatementOutcome.OK;
			return result;
		}
		catch (AnalyticsException failure) {
			if (failure.code() == ErrorCode.TIMEOUT) {
				outcome = StatementListener.StatementOutcome.TIMEOUT;
			}
			throw failure;
		}
		finally {
			releaseSlot();
			told.finished(System.nanoTime() - admitted, outcome);
		}
	}

	/**
	 * Who is told about every statement from now on (one listener: the metrics).
	 */
	public void setListener(StatementListener listener) {
		this.listener = listener;
	}

	/**
	 * Waits for the statement without giving up its slot: it ends by itself or at its
	 * deadline, and an interrupt of the waiting request (shutdown) must not let another
	 * statement in while this one still runs.
	 */
	private <T> T onPlatformThread(Callable<T> work) {
		Future<T> result = statementThreads.submit(work);
		boolean interrupted = false;
		try {
			while (true) {
				try {
					return result.get();
				}
				catch (InterruptedException e) {
					interrupted = true;
				}
				catch (ExecutionException e) {
					if (e.getCause() instanceof RuntimeException failure) {
						throw failure;
					}
					if (e.getCause() instanceof Error error) {
						throw error;
					}
					throw new IllegalStateException(e.getCause());
				}
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	public List<Map<String, Object>> rows(Snapshot snapshot, SqlStatement statement, List<Column> columns) {
		return execute(snapshot, statement, rows -> RowReader.readAll(rows, columns));
	}

	/**
	 * How many statements have been sent to DuckDB since start (shows batching and
	 * caching at work).
	 */
	public long statementsExecuted() {
		return statements.get();
	}

	/** Statements holding a slot now (running in DuckDB, or about to). */
	public int inFlight() {
		return maxConcurrent - slots.availablePermits();
	}

	/** Statements waiting in line for a slot now (an estimate, as the JDK counts it). */
	public int queued() {
		return slots.getQueueLength();
	}

	/** How many statements may hold a slot at once. */
	public int maxConcurrent() {
		return maxConcurrent;
	}

	/** Waits for one of the in-flight slots, within the statement's timeout. */
	protected void acquireSlot() {
		try {
			if (!slots.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS)) {
				throw ErrorCode.TIMEOUT.exception("The analytics service is busy; try again shortly");
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw ErrorCode.UNAVAILABLE.exception("The request was interrupted");
		}
	}

	protected void releaseSlot() {
		slots.release();
	}

	/**
	 * Runs the statement on a kept connection of the snapshot. The connection goes back
	 * for the next statement only when this one ended normally and its cancellation can
	 * no longer fire; after a failure or a cancellation it is closed, so no interrupt or
	 * half-read state can reach another statement.
	 */
	private <T> T executeAdmitted(Snapshot snapshot, SqlStatement statement, ResultHandler<T> handler, long deadline) {
		SnapshotDatabase database = snapshot.database();
		PooledConnection connection = null;
		boolean reusable = false;
		try {
			connection = database.borrow();
			PreparedStatement prepared = connection.prepare(statement.sql());
			bind(prepared, statement.parameters());
			statements.incrementAndGet();
			Deadline watch = new Deadline(prepared);
			ScheduledFuture<?> cancellation = canceller.schedule(watch::expire,
					Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			try (ResultSet rows = prepared.executeQuery()) {
				T result = handler.handle(rows);
				reusable = watch.finish();
				if (!reusable) {
					throw timeout();
				}
				return result;
			}
			catch (SQLException e) {
				if (!watch.finish()) {
					throw timeout();
				}
				throw e;
			}
			finally {
				cancellation.cancel(false);
			}
		}
		catch (SQLException e) {
			Optional<String> damage = DuckDbDamage.of(e);
			if (damage.isPresent()) {
				snapshot.reportDamaged("DuckDB reported a damaged block: " + damage.get());
				throw ErrorCode.UNAVAILABLE
					.exception("The analytics data is being reloaded after a storage problem; try again shortly");
			}
			LOG.error("Query failed on snapshot {}", snapshot.id(), e);
			throw ErrorCode.INTERNAL.exception("The query could not be executed");
		}
		finally {
			if (connection != null) {
				handBack(database, connection, reusable);
			}
		}
	}

	private static void handBack(SnapshotDatabase database, PooledConnection connection, boolean reusable) {
		try {
			if (reusable) {
				database.release(connection);
			}
			else {
				database.discard(connection);
			}
		}
		catch (SQLException e) {
			LOG.warn("Closing a DuckDB connection failed", e);
		}
	}

	/**
	 * Decides once, between the statement ending and its deadline passing, which came
	 * first; only the deadline cancels the statement in DuckDB, and only a statement that
	 * ended first leaves its connection reusable.
	 */
	private static final class Deadline {

		private final PreparedStatement statement;

		private final AtomicBoolean settled = new AtomicBoolean();

		Deadline(PreparedStatement statement) {
			this.statement = statement;
		}

		void expire() {
			if (settled.compareAndSet(false, true)) {
				try {
					statement.cancel();
				}
				catch (SQLException e) {
					LOG.warn("Cancelling a timed-out query failed", e);
				}
			}
		}

		/**
		 * @return true when the statement ended before its deadline
		 */
		boolean finish() {
			return settled.compareAndSet(false, true);
		}

	}

	private static AnalyticsException timeout() {
		return ErrorCode.TIMEOUT.exception("The query took too long and was cancelled");
	}

	private static void bind(PreparedStatement prepared, List<Object> parameters) throws SQLException {
		for (int i = 0; i < parameters.size(); i++) {
			prepared.setObject(i + 1, parameters.get(i));
		}
	}

	@PreDestroy
	void stop() {
		canceller.shutdownNow();
		statementThreads.shutdownNow();
	}

}
