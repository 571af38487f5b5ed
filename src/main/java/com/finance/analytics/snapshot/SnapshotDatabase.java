package com.finance.analytics.snapshot;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.duckdb.DuckDBConnection;

/**
 * One shared read-only DuckDB instance over a snapshot's file. Requests get cheap connections duplicated from it
 * (sharing its buffer cache) instead of opening the file again.
 */
public final class SnapshotDatabase implements AutoCloseable {

    private final DuckDBConnection shared;

    private SnapshotDatabase(DuckDBConnection shared) {
        this.shared = shared;
    }

    public static SnapshotDatabase open(Path file, int threads) throws SQLException {
        Properties properties = new Properties();
        // Not "?access_mode=" in the URL: DuckDB's JDBC driver would take it as part of the file name.
        properties.setProperty("duckdb.read_only", "true");
        DuckDBConnection connection = (DuckDBConnection) DriverManager.getConnection(
                "jdbc:duckdb:" + file.toAbsolutePath(), properties);
        try (Statement statement = connection.createStatement()) {
            // This machine has no network for extensions; a query must never try to fetch one.
            statement.execute("SET autoinstall_known_extensions = false");
            statement.execute("SET autoload_known_extensions = false");
            statement.execute("SET threads = " + Math.max(1, threads));
            // For LIMIT <= 50 DuckDB re-joins the top rows by row id, a join that scans the whole table instead of the
            // caller's row group: a 25-row page took 46 ms instead of 3 ms at 10M transactions (docs/performance.md).
            // GLOBAL, so that the connections duplicated from this one inherit it.
            statement.execute("SET GLOBAL late_materialization_max_rows = 0");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return new SnapshotDatabase(connection);
    }

    public Connection connect() throws SQLException {
        return shared.duplicate();
    }

    @Override
    public void close() throws SQLException {
        shared.close();
    }
}
