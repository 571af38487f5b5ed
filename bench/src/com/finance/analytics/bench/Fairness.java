package com.finance.analytics.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Per-user fairness, measured (not asserted): one user floods the gateway with heavy but
 * legal requests (16 clients, each request 10 root fields of a year of daily balances
 * with their account) while another user runs the dashboard's spending-by-tag query from
 * one client. The other user's latency is measured quiet, then under the flood, on a
 * gateway without the per-user limit and on one with the default limit, in the same run.
 * <p>
 * Options ({@code --name value}): snapshots, jar, out, seconds (per measurement),
 * java-opts.
 */
public final class Fairness {

	private static final int FLOOD_CLIENTS = 16;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String HEAVY = IntStream.range(0, 10)
		.mapToObj(i -> "b" + i + ": fctDailyBalanceHistory(filter: {startDate: $s, endDate: $e}, limit: 10000)"
				+ " { nodes { balanceDate balance account { accountName } } }")
		.collect(Collectors.joining("\n", "query($s: Date!, $e: Date!) {\n", "\n}"));

	private Fairness() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = Bench.options(args);
		Path snapshots = Path.of(options.get("snapshots"));
		String id = Files.readString(snapshots.resolve("CURRENT"), StandardCharsets.UTF_8).trim();
		double seconds = Double.parseDouble(options.getOrDefault("seconds", "10"));
		List<String> javaOptions = List.of(options.getOrDefault("java-opts", "").split("\\s+"))
			.stream()
			.filter(option -> !option.isBlank())
			.toList();
		String secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(32));
		UserPool users;
		DataRange range;
		try (DirectQueries raw = DirectQueries.open(snapshots.resolve(id), 1); Connection connection = raw.connect()) {
			users = UserPool.load(connection, secret, Duration.ofHours(2));
			range = Bench.range(connection);
		}
		BenchUser heavy = users.random(new Random(1));
		BenchUser other = users.random(new Random(2));
		StringBuilder report = new StringBuilder("| per-user limit | other user quiet: p50 / p95 ms |"
				+ " under the flood: p50 / p95 ms | other user answered / failed under the flood |"
				+ " flood answered / refused (429) / failed |\n|---|---:|---:|---:|---:|\n");
		for (String limit : List.of("0", "4")) {
			List<String> gatewayOptions = new ArrayList<>(javaOptions);
			gatewayOptions.add("-Danalytics.limits.max-concurrent-requests-per-user=" + limit);
			int port = Bench.freePort();
			try (GatewayProcess gateway = GatewayProcess.start(Path.of(options.get("jar")), gatewayOptions, snapshots,
					secret, port, Path.of(options.get("out")).resolveSibling("fairness-gateway.log"))) {
				GatewayClient client = new GatewayClient(port);
				ClosedLoop.Client dashboard = random -> client.send(QueryKind.SPENDING_BY_TAG,
						new Request(other, range.randomMonths(random, 3)));
				ClosedLoop.run(1, Math.max(10, seconds), Thread.ofVirtual().factory(), gateway::cpuNanos, dashboard);
				Result quiet = ClosedLoop.run(1, seconds, Thread.ofVirtual().factory(), gateway::cpuNanos, dashboard);
				Flood flood = Flood.start(port, heavy, range);
				Result flooded = ClosedLoop.run(1, seconds, Thread.ofVirtual().factory(), gateway::cpuNanos, dashboard);
				flood.stop();
				// A failure of the other user under the flood (a timeout) is the harm
				// measured, not a broken run.
				String line = String.format(Locale.ROOT,
						"| %s | %.1f / %.1f | %.1f / %.1f | %d / %d | %d / %d / %d |%n",
						limit.equals("0") ? "off" : limit, quiet.p50(), quiet.p95(), flooded.p50(), flooded.p95(),
						flooded.completed(), flooded.errors(), flood.answered.get(), flood.refused.get(),
						flood.failed.get());
				System.out.print("fairness: " + line);
				report.append(line);
				if (quiet.errors() > 0) {
					System.err.println("fairness: the quiet measurement failed (" + quiet.firstError() + ")");
					System.exit(1);
				}
			}
		}
		Files.writeString(Path.of(options.get("out")), report.toString(), StandardCharsets.UTF_8);
		System.out.println();
		System.out.println(report);
	}

	/**
	 * The heavy user's clients, each sending its next request as soon as the previous one
	 * answered.
	 */
	private static final class Flood {

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final AtomicLong answered = new AtomicLong();

		private final AtomicLong refused = new AtomicLong();

		private final AtomicLong failed = new AtomicLong();

		private final List<Thread> clients = new ArrayList<>();

		static Flood start(int port, BenchUser user, DataRange range) {
			Flood flood = new Flood();
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			for (int i = 0; i < FLOOD_CLIENTS; i++) {
				Random random = new Random(i);
				flood.clients.add(Thread.ofVirtual().start(() -> {
					while (flood.running.get()) {
						flood.send(http, port, user, range.randomMonths(random, 12));
					}
				}));
			}
			return flood;
		}

		private void send(HttpClient http, int port, BenchUser user, DataRange.Window window) {
			try {
				String body = JSON.writeValueAsString(Map.of("query", HEAVY, "variables",
						Map.of("s", window.start().toString(), "e", window.end().toString())));
				HttpResponse<String> response = http
					.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
						.header("Content-Type", "application/json")
						.header("Authorization", "Bearer " + user.token())
						.POST(HttpRequest.BodyPublishers.ofString(body))
						.build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 429) {
					refused.incrementAndGet();
					Thread.sleep(Duration
						.ofSeconds(Long.parseLong(response.headers().firstValue("Retry-After").orElse("1"))));
				}
				else if (response.statusCode() == 200 && response.body().startsWith("{\"data\"")
						&& !response.body().contains("\"errors\"")) {
					answered.incrementAndGet();
				}
				else {
					failed.incrementAndGet();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (Exception ex) {
				failed.incrementAndGet();
			}
		}

		void stop() throws InterruptedException {
			running.set(false);
			for (Thread client : clients) {
				client.join();
			}
		}

	}

}
