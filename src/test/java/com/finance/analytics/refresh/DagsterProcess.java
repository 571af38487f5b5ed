package com.finance.analytics.refresh;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.finance.analytics.TestFixtures;

/**
 * A real Dagster (webserver and daemon, {@code dagster dev} through the orchestration's
 * serve module) on a random loopback port, with its own Dagster home; ready once its code
 * location has loaded the refresh job.
 */
final class DagsterProcess implements AutoCloseable {

	private static final Duration START_WAIT = Duration.ofMinutes(3);

	private static final String JOBS_QUERY = "{\"query\":\"{ repositoriesOrError { ... on RepositoryConnection "
			+ "{ nodes { location { name } jobs { name } } } } }\"}";

	private final Process process;

	private final URI url;

	private final Path log;

	private DagsterProcess(Process process, URI url, Path log) {
		this.process = process;
		this.url = url;
		this.log = log;
	}

	static DagsterProcess start(Path home, Map<String, String> environment) throws IOException, InterruptedException {
		int port = RefreshFixtures.freeLoopbackPort();
		Path log = home.resolveSibling("dagster.log");
		Files.createDirectories(home);
		ProcessBuilder builder = new ProcessBuilder(
				List.of(RefreshFixtures.PYTHON.toString(), "-m", "analytics_orchestration.serve", "--host", "127.0.0.1",
						"--port", String.valueOf(port), "--home", home.toString()))
			.directory(TestFixtures.repoRoot().toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		DagsterProcess dagster = new DagsterProcess(builder.start(), URI.create("http://127.0.0.1:" + port), log);
		dagster.awaitRefreshJob();
		return dagster;
	}

	URI url() {
		return url;
	}

	String logTail() {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException e) {
			return "(Dagster's log " + log + " is unreadable: " + e.getMessage() + ")";
		}
	}

	/**
	 * SIGTERM, which dagster dev passes on to its webserver and daemon; a kill only if
	 * they do not stop.
	 */
	@Override
	public void close() throws InterruptedException {
		List<ProcessHandle> children = process.descendants().toList();
		process.destroy();
		if (!process.waitFor(90, TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
		children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
	}

	private void awaitRefreshJob() throws IOException, InterruptedException {
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(2))
			.build();
		HttpRequest jobs = HttpRequest.newBuilder(url.resolve("/graphql"))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JOBS_QUERY))
			.build();
		Instant deadline = Instant.now().plus(START_WAIT);
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Dagster exited while starting:\n" + logTail());
			}
			try {
				if (http.send(jobs, HttpResponse.BodyHandlers.ofString()).body().contains("\"analytics_refresh\"")) {
					return;
				}
			}
			catch (IOException notYetListening) {
				// Dagster is still starting.
			}
			Thread.sleep(500);
		}
		close();
		throw new IllegalStateException("Dagster did not load the refresh job in time:\n" + logTail());
	}

}
