package com.finance.analytics.snapshot;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.regex.Pattern;
import org.duckdb.DuckDBConnection;

/**
 * One shared read-only DuckDB instance over a snapshot's file. Requests get connections
 * duplicated from it (sharing its buffer cache) instead of opening the file again, and
 * kept between statements ({@link PooledConnection}); there are never more than the
 * statements running at once, which the query executor bounds.
 */
public final class SnapshotDatabase implements AutoCloseable {

	private final DuckDBConnection shared;

	/** Most recently used first, so the few connections in steady use stay warm. */
	private final ConcurrentLinkedDeque<PooledConnection> idle = new ConcurrentLinkedDeque<>();

	private volatile boolean closed;

	private SnapshotDatabase(DuckDBConnection shared) {
		this.shared = shared;
	}

	/**
	 * DuckDB's buffer cache bound when none is configured; its own default is 80 % of the
	 * machine's memory.
	 */
	public static final String DEFAULT_MEMORY_LIMIT = "192MB";

	private static final Pattern MEMORY_SIZE = Pattern.compile("[0-9]{1,6}(\\.[0-9]{1,3})?\\s?(KB|MB|GB|KiB|MiB|GiB)",
			Pattern.CASE_INSENSITIVE);

	public static SnapshotDatabase open(Path file, int threads) throws SQLException {
		return open(file, threads, DEFAULT_MEMORY_LIMIT);
	}

	/**
	 * @param memoryLimit DuckDB's {@code memory_limit} (e.g. {@code 256MB}): a snapshot
	 * is read-only, so blocks over the limit are simply read again from the file (and the
	 * OS page cache) when needed
	 */
	public static SnapshotDatabase open(Path file, int threads, String memoryLimit) throws SQLException {
		if (!MEMORY_SIZE.matcher(memoryLimit).matches()) {
			throw new IllegalArgumentException(
					"Invalid DuckDB memory limit '" + memoryLimit + "', expected e.g. 256MB");
		}
		Properties properties = new Properties();
		// Not "?access_mode=" in the URL: DuckDB's JDBC driver would take it as part of
		// the file name.
		properties.setProperty("duckdb.read_only", "true");
		DuckDBConnection connection = (DuckDBConnection) DriverManager
			.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), properties);
		try (Statement statement = connection.createStatement()) {
			// This machine has no network for extensions; a query must never try to fetch
			// one.
			statement.execute("SET autoinstall_known_extensions = false");
			statement.execute("SET autoload_known_extensions = false");
			statement.execute("SET threads = " + Math.max(1, threads));
			// For LIMIT <= 50 DuckDB re-joins the top rows by row id, a join that scans
			// the whole table instead of the
			// caller's row group: a 25-row page took 46 ms instead of 3 ms at 10M
			// transactions (docs/performance.md).
			// GLOBAL, so that the connections duplicated from this one inherit it.
			statement.execute("SET GLOBAL late_materialization_max_rows = 0");
			statement.execute("SET GLOBAL memory_limit = '" + memoryLimit + "'");
			// Compressed materialization packs strings and small integers before an
			// aggregate, a sort or a join, which saves memory on large inputs; these
			// statements read one user's rows, and the pass itself (run again at every
			// execution, since DuckDB plans each statement again) cost a spending total a
			// fifth of its time (docs/performance.md, eighth round). DuckDB has this
			// setting only per instance.
			statement.execute("SET GLOBAL disabled_optimizers = 'compressed_materialization'");
		}
		catch (SQLException e) {
			connection.close();
			throw e;
		}
		return new SnapshotDatabase(connection);
	}

	public Connection connect() throws SQLException {
		return shared.duplicate();
	}

	/**
	 * A kept connection if one is idle, otherwise a new one; hand it back with
	 * {@link #release} or {@link #discard}.
	 */
	public PooledConnection borrow() throws SQLException {
		PooledConnection connection = idle.poll();
		return connection != null ? connection : new PooledConnection(shared.duplicate());
	}

	/** Keeps a connection whose last statement ended normally for the next statement. */
	public void release(PooledConnection connection) throws SQLException {
		idle.push(connection);
		if (closed) {
			closeIdle();
		}
	}

	/**
	 * Closes a connection whose statement failed or was cancelled, rather than trusting
	 * its state to the next one.
	 */
	public void discard(PooledConnection connection) throws SQLException {
		connection.close();
	}

	public int idleConnections() {
		return idle.size();
	}

	@Override
	public void close() throws SQLException {
		closed = true;
		try {
			closeIdle();
		}
		finally {
			shared.close();
		}
	}

	private void closeIdle() throws SQLException {
		for (PooledConnection connection = idle.poll(); connection != null; connection = idle.poll()) {
			connection.close();
		}
	}

}
