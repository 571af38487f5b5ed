package com.finance.analytics.replica;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

import com.finance.analytics.TestFixtures;

/**
 * Snapshots in the test bucket (SeaweedFS, started by {@code make seaweedfs}; endpoint,
 * credentials and bucket from the variables the Makefile exports): distinct copies of the
 * test snapshot published by the real publisher ({@code snapshot publish-s3}), and hand
 * edits of the bucket the publisher would never make.
 */
final class BucketSnapshots {

	private static final Path PYTHON = TestFixtures.repoRoot().resolve(".venv/bin/python");

	private static final Duration PUBLISH_TIMEOUT = Duration.ofMinutes(2);

	private final String bucket;

	private final String prefix;

	private final Path localDir;

	BucketSnapshots(String prefix, Path localDir) {
		this.bucket = requiredEnvironment("ANALYTICS_TEST_S3_BUCKET");
		requiredEnvironment("AWS_ENDPOINT_URL_S3");
		this.prefix = prefix;
		this.localDir = localDir;
	}

	String bucket() {
		return bucket;
	}

	String prefix() {
		return prefix;
	}

	/**
	 * A local copy of the test snapshot under {@code id} in which {@code user} has
	 * {@code removed} transactions fewer, its checksums recorded again: data that tells
	 * snapshots apart.
	 */
	Path distinctCopy(String id, UUID user, int removed) throws IOException, SQLException {
		return TestFixtures.copyWithoutTransactions(localDir, id, user, removed);
	}

	/**
	 * Publishes the local snapshot {@code id} to the bucket with the real publisher
	 * (files, then {@code CURRENT}).
	 */
	void publish(String id) throws IOException, InterruptedException {
		Path root = TestFixtures.repoRoot();
		List<String> command = new ArrayList<>(
				List.of(PYTHON.toString(), "-m", "analytics_orchestration.snapshot", "publish-s3", "--snapshots-dir",
						localDir.toString(), "--id", id, "--s3-bucket", bucket, "--s3-prefix", prefix));
		ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
		// This checkout's publisher, also where the virtualenv's editable install points
		// elsewhere.
		builder.environment().put("PYTHONPATH", root + ":" + root.resolve("orchestration"));
		Path log = Files.createTempFile("publish-s3", ".log");
		Process process = builder.redirectOutput(log.toFile()).start();
		if (!process.waitFor(PUBLISH_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
			process.destroyForcibly();
			throw new IllegalStateException("snapshot publish-s3 failed:\n" + Files.readString(log));
		}
		Files.delete(log);
	}

	/**
	 * Writes one object under the prefix directly, as a hand edit of the bucket would.
	 */
	void putObject(String key, byte[] content) {
		try (S3Client s3 = S3Client.builder().forcePathStyle(true).region(Region.US_EAST_1).build()) {
			s3.putObject(PutObjectRequest.builder().bucket(bucket).key(prefix + "/" + key).build(),
					RequestBody.fromBytes(content));
		}
	}

	private static String requiredEnvironment(String name) {
		String value = System.getenv(name);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException(
					name + " is not set: run the replica tests through `make test-java` (it starts SeaweedFS)");
		}
		return value;
	}

}
