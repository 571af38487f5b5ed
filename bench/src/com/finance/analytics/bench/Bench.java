package com.finance.analytics.bench;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Entry point of {@code bench/run.sh}: starts the gateway on the published snapshot,
 * checks that the gateway and raw DuckDB answer the mix alike, then measures each query
 * at each concurrency, gateway and raw DuckDB back to back.
 * <p>
 * Options ({@code --name value}): snapshots, jar, out, seconds, warmup (least seconds),
 * warmup-max, concurrencies (comma separated), queries (comma separated {@link QueryKind}
 * names, default all), java-opts (for the gateway JVM), duckdb-threads (must match the
 * gateway's {@code analytics.duckdb-threads}), facts (extra lines for the report,
 * separated by {@code ;}), doc (a markdown file whose results section is replaced),
 * sessions ({@code false} leaves out the dashboard session mix, {@link Session}, run
 * after the queries at each concurrency).
 */
public final class Bench {

	private Bench() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		Path snapshots = Path.of(options.get("snapshots"));
		String id = Files.readString(snapshots.resolve("CURRENT"), StandardCharsets.UTF_8).trim();
		double seconds = Double.parseDouble(options.getOrDefault("seconds", "10"));
		double warmup = Double.parseDouble(options.getOrDefault("warmup", "10"));
		double maxWarmup = Double.parseDouble(options.getOrDefault("warmup-max", "180"));
		int[] concurrencies = Arrays.stream(options.getOrDefault("concurrencies", "1,8,32,64").split(","))
			.mapToInt(Integer::parseInt)
			.toArray();
		List<QueryKind> kinds = options.containsKey("queries")
				? Arrays.stream(options.get("queries").split(",")).map(name -> QueryKind.valueOf(name.trim())).toList()
				: List.of(QueryKind.values());
		List<String> javaOptions = new ArrayList<>(Arrays.stream(options.getOrDefault("java-opts", "").split("\\s+"))
			.filter(option -> !option.isBlank())
			.toList());
		if (!"false".equals(options.get("sessions"))) {
			// Zipf-drawn session users put the most popular one on several clients at
			// once, more
			// requests in flight than the per-user limit allows (429s); the limit's own
			// effect is
			// measured by Fairness.
			javaOptions.add("-Danalytics.limits.max-concurrent-requests-per-user=0");
		}
		String secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(32));
		Path out = Path.of(options.get("out"));
		Files.createDirectories(out.getParent());

		try (DirectQueries raw = DirectQueries.open(snapshots.resolve(id),
				Integer.parseInt(options.getOrDefault("duckdb-threads", "1")))) {
			UserPool users;
			DataRange range;
			long transactions;
			Session session;
			try (Connection connection = raw.connect()) {
				users = UserPool.load(connection, secret, Duration.ofHours(2));
				range = range(connection);
				transactions = count(connection, "select count(*) from main.fct_transactions");
				session = Session.load(connection, users, range);
			}
			System.out.printf("bench: snapshot %s, %,d transactions, %,d users with data, months %s..%s%n", id,
					transactions, users.size(), range.firstMonth(), range.lastMonth());

			int port = freePort();
			List<Step> steps = new ArrayList<>();
			List<SessionStep> sessionSteps = new ArrayList<>();
			double startup;
			double warmedUp;
			long peakBytes;
			try (GatewayProcess gateway = GatewayProcess.start(Path.of(options.get("jar")), javaOptions, snapshots,
					secret, port, out.resolveSibling("gateway.log"))) {
				startup = gateway.startupSeconds();
				System.out.printf("bench: gateway healthy after %.1f s on port %d%n", startup, port);
				GatewayClient client = new GatewayClient(port);
				crossCheck(client, raw, users, range);
				warmedUp = warmUp(client, gateway, raw, users, range, warmup, maxWarmup);
				for (QueryKind kind : kinds) {
					for (int concurrency : concurrencies) {
						Result viaGateway = ClosedLoop.run(concurrency, seconds, Thread.ofVirtual().factory(),
								gateway::cpuNanos, random -> client.send(kind, kind.draw(users, range, random)));
						Result direct = ClosedLoop.run(concurrency, seconds, platformThreads(), Bench::ownCpuNanos,
								random -> raw.run(kind, kind.draw(users, range, random)));
						Step step = new Step(kind, concurrency, viaGateway, direct);
						steps.add(step);
						System.out.printf(Locale.ROOT, "bench: %-17s c=%-3d gateway %6.0f/s p99 %6.1f ms"
								+ " cpu %5.2f ms | raw %6.0f/s p99 %6.1f ms cpu %5.2f ms | %3.0f %% | errors %d/%d%n",
								kind, concurrency, viaGateway.perSecond(), viaGateway.p99(), viaGateway.cpuMillis(),
								direct.perSecond(), direct.p99(), direct.cpuMillis(), 100 * step.ratio(),
								viaGateway.errors(), direct.errors());
					}
				}
				if (!"false".equals(options.get("sessions"))) {
					for (int concurrency : concurrencies) {
						sessionSteps.add(sessions(client, gateway, raw, session, concurrency, seconds));
					}
				}
				peakBytes = gateway.peakResidentBytes();
			}
			List<String> facts = new ArrayList<>();
			facts.add(String.format(Locale.ROOT,
					"Data: %,d transactions, %,d users with data, %d months (%s to %s); " + "snapshot `%s`",
					transactions, users.size(), range.months(), range.firstMonth(),
					range.lastMonth().plusMonths(1).minusDays(1), id));
			facts.add(String.format(Locale.ROOT, "Gateway start-up (process start to health UP): %.1f s", startup));
			facts.add(String.format(Locale.ROOT, "Gateway peak resident memory (VmHWM): %.0f MiB",
					peakBytes / 1048576.0));
			facts.add("Gateway JVM options: `" + (javaOptions.isEmpty() ? "(none)" : String.join(" ", javaOptions))
					+ "`");
			String[] load = Files.readString(Path.of("/proc/loadavg")).split(" ");
			facts.add("Load average (1/5/15 min) at the end, other work on the machine included: "
					+ String.join(" / ", load[0], load[1], load[2]));
			facts.add(String.format(Locale.ROOT,
					"%.0f s per step after %.0f s of warm-up (at least %.0f s, then until"
							+ " the gateway's JIT compiler used under %.0f %% of a core over %.0f s, at most %.0f s);"
							+ " clients: %s",
					seconds, warmedUp, warmup, 100 * SETTLED_COMPILER_SHARE, WARM_UP_ROUND_SECONDS, maxWarmup,
					Arrays.toString(concurrencies)));
			for (String fact : options.getOrDefault("facts", "").split(";")) {
				if (!fact.isBlank()) {
					facts.add(fact.trim());
				}
			}
			String report = Report.markdown(steps, sessionSteps, facts);
			Files.writeString(out, report, StandardCharsets.UTF_8);
			if (options.containsKey("doc")) {
				ResultsSection.replace(Path.of(options.get("doc")), report);
			}
			System.out.println();
			System.out.println(report);
			long failed = steps.stream().mapToLong(step -> step.gateway().errors() + step.raw().errors()).sum()
					+ sessionSteps.stream().mapToLong(step -> step.gateway().errors() + step.raw().errors()).sum();
			if (failed > 0) {
				System.err.println("bench: " + failed + " requests failed; the figures above are not valid");
				System.exit(1);
			}
		}
	}

	/**
	 * The session mix at one concurrency, gateway then raw DuckDB; each closed-loop
	 * client is a browser going through sessions ({@link SessionClient}).
	 */
	private static SessionStep sessions(GatewayClient client, GatewayProcess gateway, DirectQueries raw,
			Session session, int concurrency, double seconds) throws InterruptedException {
		AtomicLong notModified = new AtomicLong();
		Result viaGateway = ClosedLoop.runEach(concurrency, seconds, Thread.ofVirtual().factory(), gateway::cpuNanos,
				index -> new SessionClient(session, client::get, notModified));
		Result direct = ClosedLoop.runEach(concurrency, seconds, platformThreads(), Bench::ownCpuNanos,
				index -> new SessionClient(session, (step, cache) -> {
					raw.run(step);
					return false;
				}, new AtomicLong()));
		SessionStep step = new SessionStep(concurrency, viaGateway, direct, notModified.get());
		System.out.printf(Locale.ROOT,
				"bench: sessions          c=%-3d gateway %6.0f/s p99 %6.1f ms cpu %5.2f ms (%2.0f %% 304) | raw %6.0f/s"
						+ " p99 %6.1f ms cpu %5.2f ms | %3.0f %% | errors %d/%d%n",
				concurrency, viaGateway.perSecond(), viaGateway.p99(), viaGateway.cpuMillis(),
				100 * step.notModifiedShare(), direct.perSecond(), direct.p99(), direct.cpuMillis(), 100 * step.ratio(),
				viaGateway.errors(), direct.errors());
		return step;
	}

	/**
	 * Gateway and raw DuckDB must return the same number of rows for the same drawn
	 * requests.
	 */
	private static void crossCheck(GatewayClient client, DirectQueries raw, UserPool users, DataRange range)
			throws Exception {
		Random random = new Random(7);
		for (QueryKind kind : QueryKind.values()) {
			for (int i = 0; i < 5; i++) {
				Request request = kind.draw(users, range, random);
				int viaGateway = GatewayClient.rowCount(client.send(kind, request));
				int direct = raw.run(kind, request);
				if (viaGateway != direct || direct == 0) {
					throw new IllegalStateException(kind + " for user " + request.user().userId() + ": gateway "
							+ viaGateway + " rows, raw DuckDB " + direct);
				}
			}
		}
		System.out.println("bench: gateway and raw DuckDB agree on the mix");
	}

	/**
	 * Length of one warm-up round, after which the gateway's JIT compiler activity is
	 * checked.
	 */
	private static final double WARM_UP_ROUND_SECONDS = 10;

	/**
	 * The gateway counts as warm when its JIT compiler threads used less than this share
	 * of a core in a round.
	 */
	private static final double SETTLED_COMPILER_SHARE = 0.03;

	/**
	 * JIT and caches warm on both paths with the whole mix before anything is recorded:
	 * the gateway for at least {@code minSeconds} and then until its JIT compiler has
	 * settled (at most {@code maxSeconds}), because on two cores a compiler still at work
	 * takes CPU from the requests and the figures would describe a server that has just
	 * started rather than one that has been running. Returns how long the gateway was
	 * warmed.
	 */
	private static double warmUp(GatewayClient client, GatewayProcess gateway, DirectQueries raw, UserPool users,
			DataRange range, double minSeconds, double maxSeconds) throws Exception {
		QueryKind[] kinds = QueryKind.values();
		double spent = 0;
		double compilerShare;
		do {
			long compilerBefore = gateway.compilerCpuNanos();
			ClosedLoop.run(8, WARM_UP_ROUND_SECONDS, Thread.ofVirtual().factory(), () -> 0, random -> {
				QueryKind kind = kinds[random.nextInt(kinds.length)];
				client.send(kind, kind.draw(users, range, random));
			});
			spent += WARM_UP_ROUND_SECONDS;
			compilerShare = (gateway.compilerCpuNanos() - compilerBefore) / 1e9 / WARM_UP_ROUND_SECONDS;
			System.out.printf(Locale.ROOT, "bench: warm-up %.0f s, gateway JIT compiler at %.1f %% of a core%n", spent,
					100 * compilerShare);
		}
		while (spent < maxSeconds && (spent < minSeconds || compilerShare >= SETTLED_COMPILER_SHARE));
		ClosedLoop.run(8, Math.min(spent, minSeconds) / 2, platformThreads(), () -> 0, random -> {
			QueryKind kind = kinds[random.nextInt(kinds.length)];
			raw.run(kind, kind.draw(users, range, random));
		});
		return spent;
	}

	/**
	 * Platform threads for raw DuckDB: a virtual thread blocked in a native call would
	 * pin its carrier.
	 */
	private static ThreadFactory platformThreads() {
		return Thread.ofPlatform().daemon().factory();
	}

	/**
	 * The driver's own CPU time: raw DuckDB runs inside it (the closed-loop clients
	 * themselves cost next to nothing).
	 */
	private static long ownCpuNanos() {
		return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
	}

	static DataRange range(Connection connection) throws Exception {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select min(month), max(month) from main.fct_monthly_trends")) {
			rows.next();
			return new DataRange(rows.getObject(1, LocalDate.class), rows.getObject(2, LocalDate.class));
		}
	}

	private static long count(Connection connection, String sql) throws Exception {
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	static Map<String, String> options(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			if (!args[i].startsWith("--")) {
				throw new IllegalArgumentException("Expected --name value, got " + args[i]);
			}
			options.put(args[i].substring(2), args[i + 1]);
		}
		for (String required : List.of("snapshots", "jar", "out")) {
			if (!options.containsKey(required)) {
				throw new IllegalArgumentException("Missing --" + required);
			}
		}
		return options;
	}

}
