package com.finance.analytics.replica;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.finance.analytics.snapshot.SnapshotIntegrity;
import com.finance.analytics.snapshot.SnapshotRejectedException;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Copies one published snapshot from the bucket into the local snapshots directory: into
 * a hidden staging directory first ({@code SnapshotRetention} and the manager ignore
 * hidden entries), checked against the checksums in its {@code snapshot.json}, and only
 * then renamed to {@code <snapshots-dir>/<id>} in one atomic step, so a directory named
 * like a snapshot is always complete and verified.
 */
class SnapshotDownloader {

	static final String STAGING_PREFIX = ".downloading-";

	private static final Logger LOG = LoggerFactory.getLogger(SnapshotDownloader.class);

	/**
	 * A plain file name: a name listed in a downloaded {@code snapshot.json} can never
	 * reach outside the staging directory.
	 */
	private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final S3Client s3;

	private final ReplicaProperties properties;

	private final Path snapshotsDir;

	SnapshotDownloader(S3Client s3, ReplicaProperties properties, Path snapshotsDir) {
		this.s3 = s3;
		this.properties = properties;
		this.snapshotsDir = snapshotsDir;
	}

	/**
	 * Downloads, verifies and renames snapshot {@code id} into place.
	 * @throws SnapshotRejectedException when the downloaded files do not match their
	 * published checksums (the snapshot is damaged for good: snapshots never change)
	 * @throws NoSuchKeyException when one of its objects is missing in the bucket
	 */
	Path download(String id) throws IOException {
		Path staging = snapshotsDir.resolve(STAGING_PREFIX + id);
		deleteRecursively(staging);
		Files.createDirectories(staging);
		try {
			long started = System.nanoTime();
			Path metadata = fetch(id, SnapshotIntegrity.METADATA_FILE, staging);
			long bytes = Files.size(metadata);
			for (String name : listedFiles(metadata)) {
				bytes += Files.size(fetch(id, name, staging));
			}
			long downloaded = System.nanoTime();
			SnapshotIntegrity.verify(staging);
			Path target = snapshotsDir.resolve(id);
			Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
			LOG.info("Downloaded snapshot {} ({} MB) from {} in {} ms, verified in {} ms", id, bytes >> 20,
					properties.url(id), millisBetween(started, downloaded),
					millisBetween(downloaded, System.nanoTime()));
			return target;
		}
		finally {
			deleteRecursively(staging);
		}
	}

	/**
	 * Removes staging directories a stopped process left behind (they never hold a served
	 * snapshot).
	 */
	void removeLeftovers() throws IOException {
		try (Stream<Path> entries = Files.list(snapshotsDir)) {
			for (Path entry : entries.filter(e -> e.getFileName().toString().startsWith(STAGING_PREFIX)).toList()) {
				deleteRecursively(entry);
			}
		}
	}

	private static long millisBetween(long startNanos, long endNanos) {
		return TimeUnit.NANOSECONDS.toMillis(endNanos - startNanos);
	}

	private Path fetch(String id, String name, Path staging) {
		Path file = staging.resolve(name);
		s3.getObject(GetObjectRequest.builder().bucket(properties.bucket()).key(properties.key(id, name)).build(),
				ResponseTransformer.toFile(file));
		return file;
	}

	/**
	 * The plain file names {@code snapshot.json} lists. Anything wrong with it (not JSON,
	 * an invalid name, a required file not listed) is left to
	 * {@link SnapshotIntegrity#verify}, the one place that says what a snapshot must be:
	 * what is not downloaded fails it.
	 */
	private static List<String> listedFiles(Path metadata) {
		List<String> names = new ArrayList<>();
		try {
			for (Map.Entry<String, JsonNode> file : JSON.readTree(metadata.toFile()).path("files").properties()) {
				String name = file.getKey();
				if (FILE_NAME.matcher(name).matches() && !name.equals(SnapshotIntegrity.METADATA_FILE)) {
					names.add(name);
				}
			}
		}
		catch (JacksonException e) {
			return List.of();
		}
		return names;
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> {
				try {
					Files.delete(path);
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
		catch (UncheckedIOException e) {
			throw e.getCause();
		}
	}

}
