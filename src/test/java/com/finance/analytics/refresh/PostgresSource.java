package com.finance.analytics.refresh;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

import com.finance.analytics.TestFixtures;

/**
 * The refresh tests' own PostgreSQL database (created by {@code make test}: the shared
 * one stays untouched), loaded with the real generator and edited through DuckDB's
 * postgres extension, loaded from the local extension directory.
 */
final class PostgresSource {

	static final String DSN = System.getenv()
		.getOrDefault("ANALYTICS_REFRESH_TEST_DSN",
				"host=localhost port=5432 dbname=analytics_refresh_test user=analytics password=analytics");

	private static final Path EXTENSIONS = TestFixtures.repoRoot().resolve("build/duckdb_extensions");

	private PostgresSource() {
	}

	/**
	 * Waits until no other test run on this machine uses the database (several people and
	 * CI may run the suite at once; each run replaces and edits schema {@code app}). The
	 * operating system drops the lock if the JVM dies.
	 */
	static FileLock exclusiveUse() throws IOException {
		Path lockFile = Path.of(System.getProperty("java.io.tmpdir"), "analytics_refresh_test.lock");
		FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		return channel.lock();
	}

	/** Replaces schema {@code app} with a small generated data set. */
	static void load() throws IOException, InterruptedException {
		// An unknown database fails here with datagen's message; `make
		// postgres-refresh-test` creates it.
		RefreshFixtures.runPythonModule(Duration.ofMinutes(3), "datagen", "--seed", "11", "--users", "4", "--months",
				"4", "--transactions-per-month", "25", "--postgres", DSN);
	}

	/**
	 * A DuckDB connection whose default catalog is the PostgreSQL database, so
	 * {@code app.transactions} is its table.
	 */
	static Connection connect() throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("autoinstall_known_extensions", "false");
		properties.setProperty("autoload_known_extensions", "true");
		properties.setProperty("extension_directory", EXTENSIONS.toString());
		Connection connection = DriverManager.getConnection("jdbc:duckdb:", properties);
		try (Statement statement = connection.createStatement()) {
			statement.execute("ATTACH '" + DSN.replace("'", "''") + "' AS pg (TYPE postgres)");
			statement.execute("USE pg");
		}
		catch (SQLException e) {
			connection.close();
			throw e;
		}
		return connection;
	}

}
