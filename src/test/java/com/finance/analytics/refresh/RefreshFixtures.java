package com.finance.analytics.refresh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.springframework.graphql.test.tester.GraphQlTester;

import com.finance.analytics.TestFixtures;

/**
 * What the refresh tests share: the project's Python tools, free loopback ports, scratch
 * directories, waiting, the snapshot the gateway serves.
 */
final class RefreshFixtures {

	static final Path PYTHON = TestFixtures.repoRoot().resolve(".venv/bin/python");

	private RefreshFixtures() {
	}

	/**
	 * Runs {@code python -m module args...} from the repo root; fails with its output
	 * unless it exits 0 in time.
	 */
	static void runPythonModule(Duration timeout, String module, String... arguments)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(PYTHON.toString(), "-m", module));
		command.addAll(List.of(arguments));
		Path log = Files.createTempFile(module, ".log");
		Process process = new ProcessBuilder(command).directory(TestFixtures.repoRoot().toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
			process.destroyForcibly();
			throw new IllegalStateException("python -m " + module + " failed:\n" + Files.readString(log));
		}
		Files.delete(log);
	}

	/** A loopback port nothing listens on (right after the call). */
	static int freeLoopbackPort() throws IOException {
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return probe.getLocalPort();
		}
	}

	static Path temporaryDirectory(String prefix) {
		try {
			return Files.createTempDirectory(prefix);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static void awaitCondition(String what, Duration patience, BooleanSupplier condition) throws InterruptedException {
		Instant deadline = Instant.now().plus(patience);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("gave up waiting for " + what);
			}
			Thread.sleep(100);
		}
	}

	/** The id of the snapshot the gateway serves, null while it has none. */
	static String servedSnapshot(GraphQlTester caller) {
		return (String) caller.documentName("servedSnapshotId")
			.execute()
			.path("analyticsStatus")
			.entity(Map.class)
			.get()
			.get("snapshotId");
	}

}
