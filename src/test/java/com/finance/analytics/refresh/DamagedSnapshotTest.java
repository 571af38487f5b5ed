package com.finance.analytics.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.finance.analytics.GatewayHttp;
import com.finance.analytics.GatewayTest;
import com.finance.analytics.TestFixtures;
import com.finance.analytics.security.TestTokens;
import com.finance.analytics.snapshot.DamagedCopies;

import tools.jackson.databind.JsonNode;

/**
 * A damaged publish under load, against the real gateway over HTTP: a copy of the served
 * snapshot whose data blocks were overwritten (its snapshot.json as the publisher wrote
 * it for the intact file) is published while three clients query every mart. Not one
 * response fails or differs from the good snapshot's, health reports the rejection, and
 * when the next good snapshot is served, retention deletes the damaged one and keeps the
 * good ones.
 */
@GatewayTest
class DamagedSnapshotTest {

	private static final Path SNAPSHOTS = RefreshFixtures.temporaryDirectory("damaged-snapshot").resolve("snapshots");

	private static final String OLDER_GOOD = "20000101T000000Z-good";

	private static final String SERVED_GOOD = "20000102T000000Z-good";

	private static final String DAMAGED = "20000103T000000Z-damaged";

	private static final String NEXT_GOOD = "20000104T000000Z-good";

	private static final int QUERY_THREADS = 3;

	private static final Duration WAIT = Duration.ofMinutes(2);

	private static final String QUERY = """
			{ analyticsStatus { snapshotId }
			  dimAccounts(limit: 1) { totalCount }
			  dimTags(limit: 1) { totalCount }
			  fctTransactions(limit: 1) { totalCount }
			  fctDailySpendingByTag(limit: 1) { totalCount }
			  fctDailyBalanceHistory(limit: 1) { totalCount }
			  fctMonthlyTrends(limit: 1) { totalCount } }
			""";

	private static final List<String> MARTS = List.of("dimAccounts", "dimTags", "fctTransactions",
			"fctDailySpendingByTag", "fctDailyBalanceHistory", "fctMonthlyTrends");

	@Autowired
	private GatewayHttp http;

	/** One response: the snapshot it names and every mart's count, or its errors. */
	record Observation(String snapshotId, Map<String, Long> counts, List<String> errors) {
	}

	@DynamicPropertySource
	static void snapshots(DynamicPropertyRegistry registry) throws IOException {
		Files.createDirectories(SNAPSHOTS);
		TestFixtures.copyTestSnapshot(SNAPSHOTS, OLDER_GOOD);
		TestFixtures.copyTestSnapshot(SNAPSHOTS, SERVED_GOOD);
		TestFixtures.publish(SNAPSHOTS, SERVED_GOOD);
		registry.add("analytics.snapshots-dir", SNAPSHOTS::toString);
		registry.add("analytics.poll-interval", () -> "200ms");
		registry.add("analytics.keep-snapshots", () -> 3);
		// What an operator sets on an internal management port to read the reason; the
		// status is public anyway.
		registry.add("management.endpoint.health.show-details", () -> "always");
	}

	@Test
	void damagedPublishUnderLoadIsRejectedWhileTheLastGoodSnapshotServesAndRetentionKeepsIt() throws Exception {
		UUID user = someUser();
		String client = TestTokens.bearer(user);
		Observation before = observe(client);
		assertThat(before.errors()).isEmpty();
		assertThat(before.counts().values()).allSatisfy(count -> assertThat(count).isPositive());
		ConcurrentLinkedQueue<Observation> observations = new ConcurrentLinkedQueue<>();
		AtomicBoolean running = new AtomicBoolean(true);
		List<Thread> load = Stream.generate(() -> Thread.ofPlatform().start(() -> {
			while (running.get()) {
				observations.add(observe(client));
			}
		})).limit(QUERY_THREADS).toList();

		JsonNode degraded;
		try {
			Path damaged = TestFixtures.copyTestSnapshot(SNAPSHOTS, DAMAGED);
			DamagedCopies.overwriteDataBlocks(damaged.resolve("analytics.duckdb"));
			TestFixtures.publish(SNAPSHOTS, DAMAGED);
			RefreshFixtures.awaitCondition("health reporting the rejection", WAIT,
					() -> "DEGRADED".equals(health().path("components").path("snapshots").path("status").asString()));
			degraded = health();
			int seenBeforeRejection = observations.size();
			RefreshFixtures.awaitCondition("queries after the rejection", WAIT,
					() -> observations.size() > seenBeforeRejection + QUERY_THREADS);
		}
		finally {
			running.set(false);
			for (Thread thread : load) {
				thread.join();
			}
		}

		assertThat(observations).as("responses under load")
			.isNotEmpty()
			.allSatisfy(observation -> assertThat(observation).isEqualTo(before));
		assertThat(degraded.path("status").asString()).as("overall status").isEqualTo("DEGRADED");
		assertThat(degraded.path("components").path("duckdb").path("status").asString()).isEqualTo("UP");
		JsonNode details = degraded.path("components").path("snapshots").path("details");
		assertThat(details.path("rejectedSnapshot").asString()).isEqualTo(DAMAGED);
		assertThat(details.path("servedSnapshot").asString()).isEqualTo(SERVED_GOOD);
		assertThat(details.path("reason").asString()).contains("analytics.duckdb", "checksum");

		TestFixtures.copyTestSnapshot(SNAPSHOTS, NEXT_GOOD);
		TestFixtures.publish(SNAPSHOTS, NEXT_GOOD);
		RefreshFixtures.awaitCondition("the next good snapshot served", WAIT,
				() -> NEXT_GOOD.equals(observe(client).snapshotId()));
		RefreshFixtures.awaitCondition("retention after the swap", WAIT, () -> !directories().contains(DAMAGED));

		assertThat(directories()).as("three good snapshots kept; the damaged one counted for nothing")
			.containsExactly(OLDER_GOOD, SERVED_GOOD, NEXT_GOOD);
		assertThat(health().path("components").path("snapshots").path("status").asString()).isEqualTo("UP");
	}

	/**
	 * One response of the caller whose bearer header is {@code client}; any failure is
	 * recorded, never thrown.
	 */
	private Observation observe(String client) {
		try {
			GatewayHttp.Response response = http.graphQl(client, QUERY, Map.of());
			List<String> errors = response.status() == 200 ? response.errorMessages()
					: List.of("HTTP " + response.status() + ": " + response.text());
			if (!errors.isEmpty()) {
				return new Observation(null, Map.of(), errors);
			}
			Map<String, Long> counts = new TreeMap<>();
			for (String mart : MARTS) {
				counts.put(mart, response.data().path(mart).path("totalCount").asLong());
			}
			return new Observation(response.data().path("analyticsStatus").path("snapshotId").asString(), counts,
					List.of());
		}
		catch (RuntimeException e) {
			return new Observation(null, Map.of(), List.of(e.toString()));
		}
	}

	private JsonNode health() {
		GatewayHttp.Response response = http.get(null, "/actuator/health");
		assertThat(response.status()).as("health's HTTP status while a good snapshot serves").isEqualTo(200);
		return response.json();
	}

	/**
	 * A user with rows in every mart's snapshot, so that every count reads data blocks.
	 */
	private static UUID someUser() throws SQLException {
		try (Connection snapshot = TestFixtures
			.openReadOnly(SNAPSHOTS.resolve(SERVED_GOOD).resolve("analytics.duckdb"));
				Statement statement = snapshot.createStatement();
				ResultSet row = statement.executeQuery(
						"select user_id from main.fct_transactions group by user_id order by count(*) desc limit 1")) {
			row.next();
			return UUID.fromString(row.getString(1));
		}
	}

	private static List<String> directories() {
		return TestFixtures.snapshotDirectories(SNAPSHOTS);
	}

}
