package com.finance.analytics.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.finance.analytics.TestFixtures;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fails a hostile test class whose requests changed any file of the served snapshot.
 * Published snapshots are immutable, so any change is the gateway's doing. Checked around
 * the whole class rather than in a last test, so the check holds whatever order the tests
 * run in and whichever of them run.
 */
final class ServedSnapshotUnchanged implements BeforeAllCallback, AfterAllCallback {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(ServedSnapshotUnchanged.class);

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		context.getStore(NAMESPACE).put("before", checksums());
	}

	@Override
	public void afterAll(ExtensionContext context) throws IOException {
		Object before = context.getStore(NAMESPACE).get("before");
		assertThat(checksums()).as("files of the served snapshot after the hostile requests").isEqualTo(before);
	}

	private static Map<String, String> checksums() throws IOException {
		Map<String, String> sums = new TreeMap<>();
		Path served = TestFixtures.currentTestSnapshot();
		try (Stream<Path> files = Files.walk(served)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				sums.put(served.relativize(file).toString(), sha256(file));
			}
		}
		return sums;
	}

	private static String sha256(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[1 << 16];
			for (int read; (read = in.read(buffer)) > 0;) {
				digest.update(buffer, 0, read);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
