package com.finance.analytics.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.finance.analytics.GatewayTest;
import com.finance.analytics.SignedIn;
import com.finance.analytics.TestFixtures;
import com.finance.analytics.snapshot.SnapshotLease;
import com.finance.analytics.snapshot.SnapshotManager;

/**
 * Zero-downtime swaps with real parts: snapshots built by the real dbt project through
 * the publisher, a real gateway over HTTP, a steady stream of queries while the pointer
 * moves. Every snapshot's data differs (two new source rows per build), and each response
 * names the snapshot it ran on, so a failed response or one mixing two snapshots is seen.
 */
@GatewayTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SnapshotSwapTest {

	private static final Path WORK = RefreshFixtures.temporaryDirectory("snapshot-swap");

	private static final Path SNAPSHOTS = WORK.resolve("snapshots");

	private static final Path SOURCE = WORK.resolve("source.duckdb");

	private static final String FIRST_ID = "20000101T000000Z-copy";

	private static final int SWAPS = 3;

	private static final int QUERY_THREADS = 3;

	private static final int KEEP_SNAPSHOTS = 2;

	private static final Duration SWAP_WAIT = Duration.ofMinutes(2);

	@Autowired
	private HttpGraphQlTester anonymous;

	@Autowired
	private SnapshotManager snapshots;

	/** What one snapshot holds for the caller, read from its DuckDB file directly. */
	record Counts(long transactions, long spendingRows) {
	}

	record Observation(String snapshotId, Counts counts, List<String> errors) {
	}

	@DynamicPropertySource
	static void temporarySnapshots(DynamicPropertyRegistry registry) throws IOException {
		Files.createDirectories(SNAPSHOTS);
		TestFixtures.copyTestSnapshot(SNAPSHOTS, FIRST_ID);
		TestFixtures.publish(SNAPSHOTS, FIRST_ID);
		Files.copy(TestFixtures.sourceDatabase(), SOURCE);
		registry.add("analytics.snapshots-dir", SNAPSHOTS::toString);
		registry.add("analytics.poll-interval", () -> "200ms");
		registry.add("analytics.keep-snapshots", () -> KEEP_SNAPSHOTS);
	}

	@Test
	@Order(1)
	void steadyQueriesAcrossThreeSwapsNeverFailNorMixSnapshots() throws Exception {
		SourceEdits.Target target = readSource(source -> SourceEdits.target(source, 0));
		HttpGraphQlTester client = SignedIn.as(anonymous, target.userId());
		Map<String, Counts> expected = new ConcurrentHashMap<>(Map.of(FIRST_ID, countsIn(FIRST_ID, target.userId())));
		ConcurrentLinkedQueue<Observation> observations = new ConcurrentLinkedQueue<>();
		AtomicBoolean running = new AtomicBoolean(true);
		List<Thread> streams = Stream.generate(() -> Thread.ofPlatform().start(() -> {
			while (running.get()) {
				observations.add(observe(client));
			}
		})).limit(QUERY_THREADS).toList();

		List<String> published = new ArrayList<>();
		// A request that outlives every swap: its snapshot must survive retention until
		// it lets go.
		SnapshotLease longRequest = snapshots.lease().orElseThrow();
		assertThat(longRequest.snapshot().id()).isEqualTo(FIRST_ID);
		try {
			for (int swap = 0; swap < SWAPS; swap++) {
				SourceEdits.Target day = readSource(source -> SourceEdits.target(source, 0));
				editSource(source -> addPurchaseAndRefund(source, day));
				String id = SnapshotBuilds.publish(SNAPSHOTS, SOURCE, TestFixtures.repoRoot().resolve("dbt"));
				expected.put(id, countsIn(id, target.userId()));
				published.add(id);
				awaitCondition("responses from snapshot " + id,
						() -> observations.stream().anyMatch(o -> id.equals(o.snapshotId())));
			}
			awaitCondition("pruning that keeps the leased first snapshot beyond keep-snapshots",
					() -> publishedDirectories().contains(FIRST_ID)
							&& publishedDirectories().size() == KEEP_SNAPSHOTS + 1);
		}
		finally {
			running.set(false);
			for (Thread stream : streams) {
				stream.join();
			}
			longRequest.close();
		}

		List<Observation> failed = observations.stream().filter(o -> !o.errors().isEmpty()).toList();
		List<Observation> mixed = observations.stream()
			.filter(o -> o.errors().isEmpty() && !o.counts().equals(expected.get(o.snapshotId())))
			.toList();
		Set<String> seen = observations.stream().map(Observation::snapshotId).collect(Collectors.toSet());
		System.out.printf("snapshot swap stream: %d responses over %d swaps, %d failed, %d mixed%n",
				observations.size(), SWAPS, failed.size(), mixed.size());
		assertThat(failed).as("failed responses").isEmpty();
		assertThat(mixed).as("responses inconsistent with the snapshot they name").isEmpty();
		assertThat(seen).containsAll(published).contains(FIRST_ID);
		assertThat(Set.copyOf(expected.values())).as("every snapshot's data differs").hasSize(SWAPS + 1);
	}

	@Test
	@Order(2)
	void columnAddedToAMartAppearsInTheSchemaAfterTheSwap() throws Exception {
		SourceEdits.Target target = readSource(source -> SourceEdits.target(source, 0));
		HttpGraphQlTester client = SignedIn.as(anonymous, target.userId());
		client.documentName("monthlyTrendsWithPositiveMonth")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).as("before the swap").isNotEmpty());

		Path project = SnapshotBuilds.copyDbtProject(WORK.resolve("dbt-with-new-column"));
		addIsPositiveMonthColumn(project);
		String id = SnapshotBuilds.publish(SNAPSHOTS, SOURCE, project);
		awaitCondition("the gateway serving " + id, () -> id.equals(RefreshFixtures.servedSnapshot(client)));

		List<Map> after = client.documentName("monthlyTrendsWithPositiveMonth")
			.execute()
			.path("fctMonthlyTrends.nodes")
			.entityList(Map.class)
			.get();
		assertThat(after).isNotEmpty()
			.allSatisfy(node -> assertThat(node.get("isPositiveMonth")).isInstanceOf(Boolean.class));
		awaitCondition("old snapshots pruned down to " + KEEP_SNAPSHOTS,
				() -> publishedDirectories().size() == KEEP_SNAPSHOTS);
		assertThat(publishedDirectories()).contains(id).doesNotContain(FIRST_ID);
	}

	/**
	 * One response of the stream; any failure, the tester's assertions on the exchange
	 * included, is recorded.
	 */
	private static Observation observe(HttpGraphQlTester client) {
		try {
			GraphQlTester.Response response = client.documentName("snapshotIdAndTotals").execute();
			List<String> errors = new ArrayList<>();
			response.errors().satisfy(all -> all.forEach(error -> errors.add(error.toString())));
			if (!errors.isEmpty()) {
				return new Observation(null, null, errors);
			}
			return new Observation(response.path("analyticsStatus.snapshotId").entity(String.class).get(),
					new Counts(response.path("fctTransactions.totalCount").entity(Long.class).get(),
							response.path("fctDailySpendingByTag.totalCount").entity(Long.class).get()),
					List.of());
		}
		catch (RuntimeException | AssertionError e) {
			return new Observation(null, null, List.of(e.toString()));
		}
	}

	private static void addPurchaseAndRefund(Connection source, SourceEdits.Target day) throws SQLException {
		try (Statement statement = source.createStatement()) {
			statement.execute(SourceEdits.insertPurchaseAndRefund(day, List.of(UUID.randomUUID(), UUID.randomUUID()),
					day.currency()));
		}
	}

	private static Counts countsIn(String snapshotId, UUID user) throws SQLException {
		try (Connection snapshot = TestFixtures
			.openReadOnly(SNAPSHOTS.resolve(snapshotId).resolve("analytics.duckdb"))) {
			return new Counts(count(snapshot, "fct_transactions", user),
					count(snapshot, "fct_daily_spending_by_tag", user));
		}
	}

	private static long count(Connection snapshot, String mart, UUID user) throws SQLException {
		try (PreparedStatement statement = snapshot
			.prepareStatement("select count(*) from main." + mart + " where user_id = ?")) {
			statement.setObject(1, user);
			try (ResultSet row = statement.executeQuery()) {
				row.next();
				return row.getLong(1);
			}
		}
	}

	/**
	 * The change the issue describes: one more column in a mart, declared in its
	 * contract, nothing else.
	 */
	private static void addIsPositiveMonthColumn(Path project) throws IOException {
		Path model = project.resolve("models/3_mart/fct_monthly_trends.sql");
		String sql = Files.readString(model);
		String columnList = "        transaction_count\n    from monthly";
		assertThat(sql).contains(columnList);
		Files.writeString(model, sql.replace(columnList,
				"        transaction_count,\n        income > spending as is_positive_month\n    from monthly"));

		Path contract = project.resolve("models/3_mart/_marts.yml");
		String yml = Files.readString(contract);
		int mart = yml.indexOf("  - name: fct_monthly_trends");
		int lastColumn = yml.indexOf("      - name: transaction_count", mart);
		int next = yml.indexOf("\n      - name:", lastColumn + 1);
		int nextModel = yml.indexOf("\n  - name:", lastColumn + 1);
		int end = Stream.of(next, nextModel)
			.filter(i -> i > 0)
			.min(Integer::compare)
			.orElse(yml.stripTrailing().length());
		String column = String.join("\n", "", "      - name: is_positive_month", "        data_type: boolean",
				"        description: Whether income exceeded spending that month.");
		Files.writeString(contract, yml.substring(0, end) + column + yml.substring(end));
	}

	private static List<String> publishedDirectories() {
		return TestFixtures.snapshotDirectories(SNAPSHOTS);
	}

	private static void awaitCondition(String what, BooleanSupplier condition) throws InterruptedException {
		RefreshFixtures.awaitCondition(what, SWAP_WAIT, condition);
	}

	@FunctionalInterface
	private interface SourceWork<T> {

		T apply(Connection source) throws SQLException;

	}

	private static <T> T readSource(SourceWork<T> work) throws SQLException {
		try (Connection source = DriverManager.getConnection("jdbc:duckdb:" + SOURCE)) {
			return work.apply(source);
		}
	}

	private static void editSource(SqlAction action) throws SQLException {
		readSource(source -> {
			action.run(source);
			return null;
		});
	}

	@FunctionalInterface
	private interface SqlAction {

		void run(Connection source) throws SQLException;

	}

}
