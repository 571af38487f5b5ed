package com.finance.analytics.query;

import com.finance.analytics.catalog.Column;
import com.finance.analytics.error.AnalyticsException;
import com.finance.analytics.error.ErrorCode;
import com.finance.analytics.snapshot.Snapshot;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
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
 * Runs statements on a snapshot: at most {@code maxConcurrent} at once (the rest wait in line), each on a connection
 * duplicated from the snapshot's shared instance, and each really cancelled in DuckDB when the timeout passes.
 */
@Component
public class QueryExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(QueryExecutor.class);

    private final long timeoutNanos;
    private final Semaphore slots;
    private final AtomicLong statements = new AtomicLong();
    private final ScheduledThreadPoolExecutor canceller = new ScheduledThreadPoolExecutor(1,
            Thread.ofPlatform().daemon().name("query-canceller").factory());

    public QueryExecutor(QueryProperties properties) {
        this.timeoutNanos = properties.timeout().toNanos();
        this.slots = new Semaphore(properties.effectiveMaxConcurrent(), true);
        // Nearly every statement ends long before its deadline: drop its cancellation at once instead of keeping
        // thousands of dead entries queued for the whole timeout.
        canceller.setRemoveOnCancelPolicy(true);
    }

    @FunctionalInterface
    public interface ResultHandler<T> {
        T handle(ResultSet rows) throws SQLException;
    }

    public <T> T execute(Snapshot snapshot, SqlStatement statement, ResultHandler<T> handler) {
        long deadline = System.nanoTime() + timeoutNanos;
        acquireSlot();
        try (Connection connection = snapshot.database().connect();
             PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
            bind(prepared, statement.parameters());
            statements.incrementAndGet();
            return runWithDeadline(prepared, handler, deadline);
        } catch (SQLException e) {
            LOG.error("Query failed on snapshot {}", snapshot.id(), e);
            throw new AnalyticsException(ErrorCode.INTERNAL, "The query could not be executed");
        } finally {
            slots.release();
        }
    }

    public List<Map<String, Object>> rows(Snapshot snapshot, SqlStatement statement, List<Column> columns) {
        return execute(snapshot, statement, rows -> RowReader.readAll(rows, columns));
    }

    /** How many statements have been sent to DuckDB since start (shows batching and caching at work). */
    public long statementsExecuted() {
        return statements.get();
    }

    private void acquireSlot() {
        try {
            if (!slots.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS)) {
                throw new AnalyticsException(ErrorCode.TIMEOUT, "The analytics service is busy; try again shortly");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnalyticsException(ErrorCode.UNAVAILABLE, "The request was interrupted");
        }
    }

    private <T> T runWithDeadline(PreparedStatement prepared, ResultHandler<T> handler, long deadline)
            throws SQLException {
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> cancellation = canceller.schedule(() -> {
            timedOut.set(true);
            cancel(prepared);
        }, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        try (ResultSet rows = prepared.executeQuery()) {
            T result = handler.handle(rows);
            if (timedOut.get()) {
                throw timeout();
            }
            return result;
        } catch (SQLException e) {
            if (timedOut.get()) {
                throw timeout();
            }
            throw e;
        } finally {
            cancellation.cancel(false);
        }
    }

    private static AnalyticsException timeout() {
        return new AnalyticsException(ErrorCode.TIMEOUT, "The query took too long and was cancelled");
    }

    private static void cancel(PreparedStatement prepared) {
        try {
            prepared.cancel();
        } catch (SQLException e) {
            LOG.warn("Cancelling a timed-out query failed", e);
        }
    }

    private static void bind(PreparedStatement prepared, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            prepared.setObject(i + 1, parameters.get(i));
        }
    }

    @PreDestroy
    void stop() {
        canceller.shutdownNow();
    }
}
