package com.finance.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The fixtures {@code make test-data} builds with the real generator and the real dbt
 * project, found from the repo root surefire passes in {@code analytics.repo-root}.
 */
public final class TestFixtures {

	private TestFixtures() {
	}

	public static Path repoRoot() {
		return Path.of(System.getProperty("analytics.repo-root", ".")).toAbsolutePath().normalize();
	}

	/** {@code build/test/snapshots}: a published snapshot of the test source data. */
	public static Path testSnapshots() {
		Path snapshots = repoRoot().resolve("build/test/snapshots");
		require(snapshots.resolve("CURRENT"), snapshots);
		return snapshots;
	}

	/** The directory of the snapshot {@code build/test/snapshots/CURRENT} names. */
	public static Path currentTestSnapshot() {
		try {
			return testSnapshots().resolve(Files.readString(testSnapshots().resolve("CURRENT")).trim());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * {@code build/test/source.duckdb}: the source data the test snapshot was built from.
	 */
	public static Path sourceDatabase() {
		Path source = repoRoot().resolve("build/test/source.duckdb");
		return require(source, source);
	}

	public static Connection openReadOnly(Path duckDbFile) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("duckdb.read_only", "true");
		return DriverManager.getConnection("jdbc:duckdb:" + duckDbFile, properties);
	}

	/**
	 * Copies the current test snapshot into {@code snapshotsDir} under {@code id}
	 * (without publishing it).
	 */
	public static Path copyTestSnapshot(Path snapshotsDir, String id) throws IOException {
		Path target = Files.createDirectories(snapshotsDir.resolve(id));
		try (Stream<Path> files = Files.list(currentTestSnapshot())) {
			for (Path file : files.toList()) {
				Files.copy(file, target.resolve(file.getFileName()));
			}
		}
		return target;
	}

	/**
	 * Points {@code CURRENT} at {@code id} the way the publisher does: write a temp file,
	 * then rename.
	 */
	public static void publish(Path snapshotsDir, String id) throws IOException {
		Path temp = snapshotsDir.resolve(".CURRENT.tmp");
		Files.writeString(temp, id + "\n");
		Files.move(temp, snapshotsDir.resolve("CURRENT"), StandardCopyOption.ATOMIC_MOVE,
				StandardCopyOption.REPLACE_EXISTING);
	}

	/**
	 * The snapshot directories in {@code snapshotsDir}, sorted, without hidden
	 * (unfinished) ones.
	 */
	public static List<String> snapshotDirectories(Path snapshotsDir) {
		try (Stream<Path> entries = Files.list(snapshotsDir)) {
			return entries.filter(Files::isDirectory)
				.map(path -> path.getFileName().toString())
				.filter(name -> !name.startsWith("."))
				.sorted()
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Path require(Path file, Path shown) {
		if (!Files.exists(file)) {
			throw new IllegalStateException(shown + " is missing: run `make test-data` first");
		}
		return file;
	}

}
