package com.finance.analytics;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fixtures {@code make test-data} builds with the real generator and the real dbt
 * project, found from the repo root surefire passes in {@code analytics.repo-root}.
 */
public final class TestFixtures {

	private static final String DATABASE_FILE = "analytics.duckdb";

	private static final JsonMapper JSON = JsonMapper.builder().build();

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
	 * Copies the current test snapshot under {@code id} with {@code removed} of
	 * {@code user}'s transactions deleted and the file's new checksum recorded, as the
	 * publisher would have: a snapshot whose answers differ from the test snapshot's.
	 */
	public static Path copyWithoutTransactions(Path snapshotsDir, String id, UUID user, int removed)
			throws IOException, SQLException {
		Path copy = copyTestSnapshot(snapshotsDir, id);
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + copy.resolve(DATABASE_FILE));
				PreparedStatement delete = connection.prepareStatement("""
						delete from main.fct_transactions where transaction_id in (
						    select transaction_id from main.fct_transactions where user_id = ?
						    order by transaction_id limit ?)""");
				Statement checkpoint = connection.createStatement()) {
			delete.setObject(1, user);
			delete.setInt(2, removed);
			int deleted = delete.executeUpdate();
			if (deleted != removed) {
				throw new IllegalStateException(
						"user " + user + " has " + deleted + " transactions, fewer than the " + removed + " to remove");
			}
			checkpoint.execute("checkpoint");
		}
		recordChecksum(copy, DATABASE_FILE);
		return copy;
	}

	/**
	 * Records {@code fileName}'s size and SHA-256 in the snapshot's snapshot.json, as the
	 * publisher does, after a test changed the file.
	 */
	public static void recordChecksum(Path snapshot, String fileName) throws IOException {
		Path metadataFile = snapshot.resolve("snapshot.json");
		ObjectNode metadata = (ObjectNode) JSON.readTree(metadataFile.toFile());
		Path file = snapshot.resolve(fileName);
		ObjectNode recorded = ((ObjectNode) metadata.path("files")).putObject(fileName);
		recorded.put("size", Files.size(file));
		recorded.put("sha256", sha256(file));
		JSON.writeValue(metadataFile.toFile(), metadata);
	}

	private static String sha256(Path file) throws IOException {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		return HexFormat.of().formatHex(digest.digest());
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
