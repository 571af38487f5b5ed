package com.finance.analytics.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.finance.analytics.AnalyticsGatewayApplication;
import com.finance.analytics.GatewayHttp;
import com.finance.analytics.GatewayTest;
import com.finance.analytics.SignedIn;
import com.finance.analytics.TestFixtures;
import com.finance.analytics.snapshot.SnapshotManager;
import tools.jackson.databind.JsonNode;

/**
 * Gateways replicating one bucket, with real parts: SeaweedFS as the object store, the
 * real publisher ({@code snapshot publish-s3}) moving {@code CURRENT}, real gateways over
 * HTTP. Two gateways run as two Spring contexts in this JVM (cheaper than two JVMs; each
 * has its own port, snapshots directory, DuckDB instances and pollers, and shares only
 * the bucket; a third starts briefly while {@code CURRENT} names a damaged snapshot).
 * Every gateway comes up from an empty snapshots directory, so it serves what it
 * downloaded at start-up. Each published copy of the test snapshot lacks a different
 * number of the caller's transactions, and each response names its snapshot, so a failed
 * response or one mixing two snapshots is seen.
 */
@GatewayTest
@DirtiesContext
class ReplicaTest {

	private static final Path WORK = temporaryDirectory();

	private static final UUID USER = busiestUser();

	private static final BucketSnapshots BUCKET = new BucketSnapshots("replica-test/" + UUID.randomUUID(),
			WORK.resolve("publisher"));

	private static final String POLL = "200ms";

	private static final Duration WAIT = Duration.ofMinutes(2);

	private static final int PUBLISHES = 3;

	private static final int QUERY_THREADS = 2;

	/** Ids sort in publishing order, as the publisher's timestamps do. */
	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	/** Transactions of {@link #USER} each published snapshot holds. */
	private static final Map<String, Long> EXPECTED = new ConcurrentHashMap<>();

	/** The id the bucket's {@code CURRENT} names, as this test last published it. */
	private static volatile String latestPublished;

	static {
		// Before the first gateway starts, from an empty snapshots directory.
		publishDistinct();
	}

	@Autowired
	private HttpGraphQlTester anonymous;

	@Autowired
	private GatewayHttp http;

	@Autowired
	private SnapshotManager snapshots;

	record Observation(String snapshotId, long transactions, String error) {
	}

	@DynamicPropertySource
	static void replica(DynamicPropertyRegistry registry) {
		gatewayProperties(WORK.resolve("gateway-a")).forEach((name, value) -> registry.add(name, () -> value));
		registry.add("management.endpoint.health.show-details", () -> "always");
	}

	@Test
	void twoGatewaysUnderSteadyQueriesFollowThreePublishesWithoutFailuresOrMixedAnswers() throws Exception {
		String publishedBeforeB = latestPublished;
		ConfigurableApplicationContext second = startGateway(WORK.resolve("gateway-b"));
		HttpGraphQlTester clientA = SignedIn.as(anonymous, USER);
		HttpGraphQlTester clientB = SignedIn.as(testerFor(second), USER);
		assertThat(observe(clientB).snapshotId()).as("the second gateway's first answer, from its start-up download")
			.isEqualTo(publishedBeforeB);
		ConcurrentLinkedQueue<Observation> fromA = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<Observation> fromB = new ConcurrentLinkedQueue<>();
		AtomicBoolean running = new AtomicBoolean(true);
		List<Thread> streams = new ArrayList<>();
		for (int i = 0; i < QUERY_THREADS; i++) {
			streams.add(stream(clientA, fromA, running));
			streams.add(stream(clientB, fromB, running));
		}
		List<String> published = new ArrayList<>();
		int answersOfAWhileBStopped;
		List<Observation> fromBBeforeStop;
		try {
			for (int i = 0; i < PUBLISHES; i++) {
				String id = publishDistinct();
				published.add(id);
				awaitCondition("both gateways answering from " + id, () -> served(fromA, id) && served(fromB, id));
			}
			int seenByA = fromA.size();
			fromBBeforeStop = List.copyOf(fromB);
			second.close();
			awaitCondition("answers of the remaining gateway after the other stopped",
					() -> fromA.size() > seenByA + 10 * QUERY_THREADS);
			answersOfAWhileBStopped = fromA.size() - seenByA;
		}
		finally {
			running.set(false);
			for (Thread stream : streams) {
				stream.join();
			}
			second.close();
		}

		String last = published.getLast();
		System.out.printf("replica stream: gateway A %d answers, gateway B %d, %d after B stopped%n", fromA.size(),
				fromB.size(), answersOfAWhileBStopped);
		assertThat(fromA).as("answers of the gateway that kept running")
			.allSatisfy(observation -> assertThat(observation.error()).isNull())
			.allSatisfy(observation -> assertThat(observation.transactions())
				.as("transactions in the answer naming " + observation.snapshotId())
				.isEqualTo(EXPECTED.get(observation.snapshotId())));
		assertThat(fromBBeforeStop).as("answers of the other gateway before it was stopped")
			.isNotEmpty()
			.allSatisfy(observation -> assertThat(observation.error()).isNull())
			.allSatisfy(observation -> assertThat(observation.transactions())
				.as("transactions in the answer naming " + observation.snapshotId())
				.isEqualTo(EXPECTED.get(observation.snapshotId())));
		assertThat(published).allSatisfy(id -> assertThat(fromBBeforeStop).anyMatch(o -> id.equals(o.snapshotId())));
		assertThat(snapshots.current().orElseThrow().id()).isEqualTo(last);
		assertThat(published).allSatisfy(id -> assertThat(fromA).anyMatch(o -> id.equals(o.snapshotId())));
		assertThat(Map.copyOf(EXPECTED).values()).as("every snapshot's data differs").doesNotHaveDuplicates();
	}

	@Test
	void currentNamingAMissingOrDamagedSnapshotKeepsTheLastGoodOneAndReportsDegraded() throws Exception {
		String good = publishDistinct();
		awaitCondition("the gateway serving " + good, () -> good.equals(servedId()));
		assertThat(replicaStatus()).isEqualTo("UP");

		BUCKET.putObject("CURRENT", (nextId() + "\n").getBytes(StandardCharsets.UTF_8));
		awaitCondition("replica DEGRADED for a missing snapshot", () -> "DEGRADED".equals(replicaStatus()));
		assertThat(replicaReason()).contains("missing");
		assertThat(servedId()).isEqualTo(good);

		String damaged = nextId();
		Path copy = TestFixtures.copyTestSnapshot(WORK.resolve("damaged"), damaged);
		byte[] database = Files.readAllBytes(copy.resolve("analytics.duckdb"));
		database[database.length / 2] ^= 0x5a;
		BUCKET.putObject(damaged + "/analytics.duckdb", database);
		BUCKET.putObject(damaged + "/manifest.json", Files.readAllBytes(copy.resolve("manifest.json")));
		BUCKET.putObject(damaged + "/snapshot.json", Files.readAllBytes(copy.resolve("snapshot.json")));
		BUCKET.putObject("CURRENT", (damaged + "\n").getBytes(StandardCharsets.UTF_8));
		awaitCondition("replica DEGRADED for a damaged snapshot", () -> replicaReason().contains("damaged"));
		assertThat(replicaReason()).contains(damaged, "analytics.duckdb");
		assertThat(servedId()).isEqualTo(good);
		assertThat(TestFixtures.snapshotDirectories(WORK.resolve("gateway-a"))).doesNotContain(damaged);
		ConfigurableApplicationContext fresh = startGateway(WORK.resolve("gateway-c"));
		try {
			assertThat(observe(SignedIn.as(testerFor(fresh), USER)).snapshotId())
				.as("a new gateway starting while CURRENT names a damaged snapshot serves the last good one")
				.isEqualTo(good);
		}
		finally {
			fresh.close();
		}

		String next = publishDistinct();
		awaitCondition("the gateway serving " + next, () -> next.equals(servedId()));
		assertThat(replicaStatus()).isEqualTo("UP");
	}

	@Test
	void unreachableStoreAtStartUpServesTheLocalCopyAndReportsDegraded() throws Exception {
		Path localDir = WORK.resolve("gateway-offline");
		String localId = "20000101T000000Z-local";
		TestFixtures.copyTestSnapshot(localDir, localId);
		TestFixtures.publish(localDir, localId);
		List<String> arguments = new ArrayList<>(List.of("--server.port=0"));
		gatewayProperties(localDir).forEach((name, value) -> arguments.add("--" + name + "=" + value));
		arguments.add("--analytics.s3.endpoint=http://127.0.0.1:" + unusedLoopbackPort());
		try (ConfigurableApplicationContext offline = new SpringApplicationBuilder(AnalyticsGatewayApplication.class)
			.run(arguments.toArray(String[]::new))) {
			assertThat(observe(SignedIn.as(testerFor(offline), USER)).snapshotId()).isEqualTo(localId);
			assertThat(offline.getBean(SnapshotReplica.class).problem())
				.hasValueSatisfying(problem -> assertThat(problem).contains("failed", "stays on snapshot " + localId));
		}
	}

	/**
	 * The properties of one gateway replicating the test bucket into {@code localDir}.
	 */
	private static Map<String, String> gatewayProperties(Path localDir) {
		return Map.of("analytics.snapshots-dir", localDir.toString(), "analytics.poll-interval", POLL,
				"analytics.s3.bucket", BUCKET.bucket(), "analytics.s3.prefix", BUCKET.prefix(),
				"analytics.s3.poll-interval", POLL);
	}

	/** A second gateway in this JVM, on a port of its own. */
	private static ConfigurableApplicationContext startGateway(Path localDir) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0"));
		gatewayProperties(localDir).forEach((name, value) -> arguments.add("--" + name + "=" + value));
		return new SpringApplicationBuilder(AnalyticsGatewayApplication.class).run(arguments.toArray(String[]::new));
	}

	private static HttpGraphQlTester testerFor(ConfigurableApplicationContext gateway) {
		String port = gateway.getEnvironment().getProperty("local.server.port");
		return HttpGraphQlTester.create(WebTestClient.bindToServer(new JdkClientHttpConnector())
			.baseUrl("http://127.0.0.1:" + port + "/graphql")
			.responseTimeout(WAIT)
			.build());
	}

	private static Thread stream(HttpGraphQlTester client, ConcurrentLinkedQueue<Observation> into,
			AtomicBoolean running) {
		return Thread.ofPlatform().start(() -> {
			while (running.get()) {
				into.add(observe(client));
			}
		});
	}

	/** One response; any failure, the tester's own assertions included, is recorded. */
	private static Observation observe(HttpGraphQlTester client) {
		try {
			GraphQlTester.Response response = client.documentName("snapshotIdAndTotals").execute();
			List<String> errors = new ArrayList<>();
			response.errors().satisfy(all -> all.forEach(error -> errors.add(error.toString())));
			if (!errors.isEmpty()) {
				return new Observation(null, -1, errors.toString());
			}
			return new Observation(response.path("analyticsStatus.snapshotId").entity(String.class).get(),
					response.path("fctTransactions.totalCount").entity(Long.class).get(), null);
		}
		catch (RuntimeException | AssertionError e) {
			return new Observation(null, -1, e.toString());
		}
	}

	private static boolean served(ConcurrentLinkedQueue<Observation> observations, String id) {
		return observations.stream().anyMatch(o -> id.equals(o.snapshotId()));
	}

	private String servedId() {
		return observe(SignedIn.as(anonymous, USER)).snapshotId();
	}

	private JsonNode replicaHealth() {
		return http.get(null, "/actuator/health").json().path("components").path("replica");
	}

	private String replicaStatus() {
		return replicaHealth().path("status").asString();
	}

	private String replicaReason() {
		return replicaHealth().path("details").path("reason").asString("");
	}

	/**
	 * Publishes a copy of the test snapshot lacking a number of the user's transactions
	 * of its own; returns its id.
	 */
	private static String publishDistinct() {
		String id = nextId();
		try {
			BUCKET.distinctCopy(id, USER, SEQUENCE.get());
			EXPECTED.put(id, transactionsIn(WORK.resolve("publisher").resolve(id)));
			BUCKET.publish(id);
			latestPublished = id;
		}
		catch (IOException | SQLException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
		return id;
	}

	private static String nextId() {
		return "%08dT000000Z-replica".formatted(20300000 + SEQUENCE.incrementAndGet());
	}

	private static long transactionsIn(Path snapshot) throws SQLException {
		try (Connection connection = TestFixtures.openReadOnly(snapshot.resolve("analytics.duckdb"));
				PreparedStatement count = connection
					.prepareStatement("select count(*) from main.fct_transactions where user_id = ?")) {
			count.setObject(1, USER);
			try (ResultSet row = count.executeQuery()) {
				row.next();
				return row.getLong(1);
			}
		}
	}

	private static UUID busiestUser() {
		try (Connection snapshot = TestFixtures
			.openReadOnly(TestFixtures.currentTestSnapshot().resolve("analytics.duckdb"));
				Statement statement = snapshot.createStatement();
				ResultSet row = statement.executeQuery(
						"select user_id from main.fct_transactions group by user_id order by count(*) desc limit 1")) {
			row.next();
			return UUID.fromString(row.getString(1));
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A loopback port nothing listens on (right after the call). */
	private static int unusedLoopbackPort() throws IOException {
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return probe.getLocalPort();
		}
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("replica");
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private static void awaitCondition(String what, BooleanSupplier condition) throws InterruptedException {
		Instant deadline = Instant.now().plus(WAIT);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("gave up waiting for " + what);
			}
			Thread.sleep(100);
		}
	}

}
