package com.finance.analytics.refresh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import com.finance.analytics.TestFixtures;

/**
 * The refresh tests' own PostgreSQL database (created by {@code make test}: the shared one stays untouched), loaded
 * with the real generator and edited through DuckDB's postgres extension, loaded from the local extension directory.
 */
final class PostgresSource {

    static final String DSN = System.getenv().getOrDefault("ANALYTICS_REFRESH_TEST_DSN",
            "host=localhost port=5432 dbname=analytics_refresh_test user=analytics password=analytics");
    private static final Path EXTENSIONS = TestFixtures.repoRoot().resolve("build/duckdb_extensions");

    private PostgresSource() {
    }

    /** Replaces schema {@code app} with a small generated data set. */
    static void load() throws IOException, InterruptedException {
        Path log = Files.createTempFile("datagen", ".log");
        Process load = new ProcessBuilder(List.of(SnapshotBuilds.PYTHON.toString(), "-m", "datagen",
                "--seed", "11", "--users", "4", "--months", "4", "--transactions-per-month", "25", "--postgres", DSN))
                .directory(TestFixtures.repoRoot().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!load.waitFor(3, TimeUnit.MINUTES) || load.exitValue() != 0) {
            load.destroyForcibly();
            throw new IllegalStateException("loading PostgreSQL at " + DSN.replaceAll("password=\\S+", "password=***")
                    + " failed (make test creates the database):\n" + Files.readString(log));
        }
        Files.delete(log);
    }

    /** A DuckDB connection whose default catalog is the PostgreSQL database, so {@code app.transactions} is its table. */
    static Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("autoinstall_known_extensions", "false");
        properties.setProperty("autoload_known_extensions", "true");
        properties.setProperty("extension_directory", EXTENSIONS.toString());
        Connection connection = DriverManager.getConnection("jdbc:duckdb:", properties);
        try (Statement statement = connection.createStatement()) {
            statement.execute("ATTACH '" + DSN.replace("'", "''") + "' AS pg (TYPE postgres)");
            statement.execute("USE pg");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }
}
