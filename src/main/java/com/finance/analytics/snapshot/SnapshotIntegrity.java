package com.finance.analytics.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a snapshot directory against what the publisher recorded in its
 * {@code snapshot.json}: every file listed under {@code files} exists with its recorded
 * size and SHA-256. DuckDB checks a block's checksum only when a query reads that block,
 * so a file whose header is intact but whose data blocks were overwritten opens fine and
 * fails queries later; reading the whole file once, before the snapshot is served,
 * catches that. A snapshot without recorded checksums is refused: every snapshot comes
 * from our publisher, which always records them. Public for the object-storage replica,
 * which verifies a download before it renames it into the snapshots directory.
 */
public final class SnapshotIntegrity {

	public static final String METADATA_FILE = "snapshot.json";

	/** The files the gateway reads; each must be covered by a recorded checksum. */
	static final List<String> REQUIRED_FILES = List.of("analytics.duckdb", "manifest.json");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * A plain file name: a listed name can never reach outside the snapshot's directory.
	 */
	private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

	private static final int BUFFER_SIZE = 1 << 20;

	private SnapshotIntegrity() {
	}

	/**
	 * @throws SnapshotRejectedException saying, for an operator, which file is wrong and
	 * how
	 */
	public static void verify(Path directory) {
		Path metadata = directory.resolve(METADATA_FILE);
		if (!Files.isRegularFile(metadata)) {
			throw new SnapshotRejectedException(METADATA_FILE + " is missing");
		}
		JsonNode files;
		try {
			files = JSON.readTree(metadata.toFile()).path("files");
		}
		catch (JacksonException e) {
			throw new SnapshotRejectedException(METADATA_FILE + " is not valid JSON");
		}
		if (!files.isObject()) {
			throw new SnapshotRejectedException(
					METADATA_FILE + " records no file checksums (published by an older publisher; publish it again)");
		}
		for (String required : REQUIRED_FILES) {
			if (!files.has(required)) {
				throw new SnapshotRejectedException(METADATA_FILE + " records no checksum for " + required);
			}
		}
		for (Map.Entry<String, JsonNode> file : files.properties()) {
			verifyFile(directory, file.getKey(), file.getValue());
		}
	}

	private static void verifyFile(Path directory, String name, JsonNode recorded) {
		String sha256 = recorded.path("sha256").asString("");
		long size = recorded.path("size").asLong(-1);
		if (!FILE_NAME.matcher(name).matches() || !SHA256.matcher(sha256).matches() || size < 0) {
			throw new SnapshotRejectedException(METADATA_FILE + " has an invalid entry for '" + name + "'");
		}
		Path file = directory.resolve(name);
		try {
			if (!Files.isRegularFile(file)) {
				throw new SnapshotRejectedException(name + " is missing");
			}
			long actualSize = Files.size(file);
			if (actualSize != size) {
				throw new SnapshotRejectedException(name + " has " + actualSize + " bytes, " + size
						+ " were published (damaged or changed after publishing)");
			}
			if (!sha256(file).equals(sha256)) {
				throw new SnapshotRejectedException(
						name + " does not match its published SHA-256 checksum (damaged or changed after publishing)");
			}
		}
		catch (IOException e) {
			throw new SnapshotRejectedException(name + " could not be read: " + e.getMessage());
		}
	}

	private static String sha256(Path file) throws IOException {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every Java runtime has SHA-256", e);
		}
		byte[] buffer = new byte[BUFFER_SIZE];
		try (InputStream in = Files.newInputStream(file)) {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				digest.update(buffer, 0, read);
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

}
