package com.finance.analytics.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The gateway jar as a child process on a free port, with its start-up time and peak
 * resident memory.
 */
final class GatewayProcess implements AutoCloseable {

	private final Process process;

	private final double startupSeconds;

	private GatewayProcess(Process process, double startupSeconds) {
		this.process = process;
		this.startupSeconds = startupSeconds;
	}

	/**
	 * Starts the jar and waits until health is UP (a snapshot is served and DuckDB
	 * answers).
	 */
	static GatewayProcess start(Path jar, List<String> javaOptions, Path snapshotsDir, String secret, int port,
			Path log) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(javaOptions);
		command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("ANALYTICS_SNAPSHOTS_DIR", snapshotsDir.toAbsolutePath().toString());
		builder.environment().put("ANALYTICS_JWT_SECRET", secret);
		long started = System.nanoTime();
		Process process = builder.start();
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
			.timeout(Duration.ofSeconds(2))
			.build();
		long deadline = started + Duration.ofMinutes(3).toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The gateway exited with " + process.exitValue() + "; see " + log);
			}
			try {
				HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
				if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
					return new GatewayProcess(process, (System.nanoTime() - started) / 1e9);
				}
			}
			catch (IOException notYetListening) {
				// keep polling until the deadline
			}
			Thread.sleep(20);
		}
		process.destroyForcibly();
		throw new IllegalStateException("The gateway was not healthy within 3 minutes; see " + log);
	}

	double startupSeconds() {
		return startupSeconds;
	}

	/**
	 * VmHWM: the most resident memory the process has had (heap, metaspace, DuckDB's
	 * buffers, everything).
	 */
	long peakResidentBytes() throws IOException {
		return statusKilobytes("VmHWM:") * 1024;
	}

	/** User plus system CPU time of the gateway process so far. */
	long cpuNanos() {
		return process.toHandle().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
	}

	/**
	 * CPU time of the JVM's JIT compiler threads so far: while it still grows, the
	 * gateway is not yet running the code a long-lived server runs, and the compiler
	 * takes CPU from the requests.
	 */
	long compilerCpuNanos() throws IOException {
		long ticks = 0;
		try (DirectoryStream<Path> tasks = Files
			.newDirectoryStream(Path.of("/proc", Long.toString(process.pid()), "task"))) {
			for (Path task : tasks) {
				try {
					String name = Files.readString(task.resolve("comm"));
					if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
						String stat = Files.readString(task.resolve("stat"));
						String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
						ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
					}
				}
				catch (NoSuchFileException threadEnded) {
					// a compiler thread that ended took its time with it; the others
					// still show the trend
				}
			}
		}
		return ticks * 10_000_000L;
	}

	private long statusKilobytes(String field) throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
			if (line.startsWith(field)) {
				return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
			}
		}
		throw new IOException(field + " missing from /proc status");
	}

	@Override
	public void close() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
	}

}
