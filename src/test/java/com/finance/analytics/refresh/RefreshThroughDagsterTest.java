package com.finance.analytics.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.AfterAll;
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
import com.finance.analytics.error.AnalyticsException;
import com.finance.analytics.error.ErrorCode;
import com.finance.analytics.security.Caller;

/**
 * The whole refresh with real parts: rows inserted into PostgreSQL, the
 * {@code refreshAnalytics} mutation over HTTP, a real Dagster on loopback running the dbt
 * build and publishing, and the gateway swapping to the new snapshot. The gateway starts
 * with no snapshot at all, as a fresh install does.
 */
@GatewayTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RefreshThroughDagsterTest {

	private static final Path WORK = RefreshFixtures.temporaryDirectory("refresh-dagster");

	private static final Path SNAPSHOTS = WORK.resolve("snapshots");

	private static final UUID OPERATOR = UUID.fromString("6f1d7c0e-2a55-4d8e-9a51-3c2b7e9f0d10");

	private static final Duration RUN_WAIT = Duration.ofMinutes(5);

	private static FileLock database;

	private static DagsterProcess dagster;

	@Autowired
	private HttpGraphQlTester anonymous;

	@DynamicPropertySource
	static void realDagsterOverPostgres(DynamicPropertyRegistry registry) throws Exception {
		Files.createDirectories(SNAPSHOTS);
		database = PostgresSource.exclusiveUse();
		PostgresSource.load();
		dagster = DagsterProcess.start(WORK.resolve("dagster-home"),
				Map.of("ANALYTICS_DBT_TARGET", "postgres", "ANALYTICS_POSTGRES_DSN", PostgresSource.DSN,
						"ANALYTICS_SNAPSHOTS_DIR", SNAPSHOTS.toString(), "ANALYTICS_ORCHESTRATION_WORK_DIR",
						WORK.resolve("orchestration").toString()));
		registry.add("analytics.snapshots-dir", SNAPSHOTS::toString);
		registry.add("analytics.poll-interval", () -> "200ms");
		registry.add("analytics.refresh.dagster-url", () -> dagster.url().toString());
		// Generous: CI shares two cores between the dbt build Dagster runs and everything
		// else.
		registry.add("analytics.refresh.request-timeout", () -> "30s");
		registry.add("analytics.refresh.launch-timeout", () -> "90s");
	}

	@AfterAll
	static void stopDagster() throws Exception {
		if (dagster != null) {
			dagster.close();
		}
		if (database != null) {
			database.channel().close();
		}
	}

	@Test
	@Order(1)
	void refreshThroughDagsterServesRowsInsertedIntoPostgres() throws Exception {
		SourceEdits.Target day;
		List<UUID> inserted = List.of(UUID.randomUUID(), UUID.randomUUID());
		try (Connection source = PostgresSource.connect()) {
			day = SourceEdits.target(source, 0);
			execute(source, SourceEdits.insertPurchaseAndRefund(day, inserted, day.currency()));
		}
		HttpGraphQlTester operator = SignedIn.as(anonymous, OPERATOR, Caller.REFRESH_SCOPE);

		GraphQlTester.Response launched = operator.documentName("refreshAnalytics").execute();
		String runId = launched.path("refreshAnalytics.id").entity(String.class).get();
		assertThat(launched.path("refreshAnalytics.status").entity(String.class).get())
			.as("answered before Dagster has accepted the run")
			.isEqualTo("LAUNCHING");
		assertThat(operator.documentName("refreshAnalytics")
			.execute()
			.path("refreshAnalytics.id")
			.entity(String.class)
			.get()).as("a second refresh while one runs returns the running one").isEqualTo(runId);
		awaitAcceptedByDagster(operator, runId);
		assertThat(restartedGatewayRefresh().id()).as("a restarted gateway finds the running one in Dagster")
			.isEqualTo(runId);

		Map<?, ?> finished = awaitFinished(operator, runId);
		assertThat(finished.get("status")).as(dagster::logTail).isEqualTo("SUCCESS");
		assertThat(finished.get("startedAt")).isNotNull();
		assertThat(finished.get("finishedAt")).isNotNull();
		assertThat(finished.get("message")).isNull();

		String published = SnapshotBuilds.currentId(SNAPSHOTS);
		RefreshFixtures.awaitCondition("the gateway serving " + published, Duration.ofMinutes(1),
				() -> published.equals(RefreshFixtures.servedSnapshot(operator)));
		List<Map> rows = SignedIn.as(anonymous, day.userId())
			.documentName("transactionsOnDay")
			.variable("day", day.quietDay().toString())
			.execute()
			.path("fctTransactions.nodes")
			.entityList(Map.class)
			.get();
		assertThat(rows).extracting(node -> node.get("transactionId"))
			.containsExactlyInAnyOrderElementsOf(inserted.stream().map(UUID::toString).toList());
	}

	@Test
	@Order(2)
	void failedDbtTestReportsDagstersMessageAndKeepsServingTheLastGoodSnapshot() throws Exception {
		HttpGraphQlTester operator = SignedIn.as(anonymous, OPERATOR, Caller.REFRESH_SCOPE);
		String serving = RefreshFixtures.servedSnapshot(operator);
		assertThat(serving).as("the first test published a snapshot").isNotNull();
		List<UUID> broken = List.of(UUID.randomUUID(), UUID.randomUUID());
		try (Connection source = PostgresSource.connect()) {
			SourceEdits.Target day = SourceEdits.target(source, 0);
			// The pair nets to zero, so only the test that a transaction is in its
			// account's currency fails.
			execute(source, SourceEdits.insertPurchaseAndRefund(day, broken, "XXX"));
		}
		try {
			String runId = operator.documentName("refreshAnalytics")
				.execute()
				.path("refreshAnalytics.id")
				.entity(String.class)
				.get();
			Map<?, ?> finished = awaitFinished(operator, runId);

			assertThat(finished.get("status")).isEqualTo("FAILURE");
			assertThat((String) finished.get("message")).startsWith("Nothing was published")
				.contains("assert_transaction_currency_matches_account");
			assertThat(SnapshotBuilds.currentId(SNAPSHOTS)).isEqualTo(serving);
			assertThat(RefreshFixtures.servedSnapshot(operator)).isEqualTo(serving);
			operator.documentName("datasetIds").execute().errors().verify();
		}
		finally {
			try (Connection source = PostgresSource.connect()) {
				execute(source, "DELETE FROM app.transactions WHERE id IN ('%s', '%s')".formatted(broken.get(0),
						broken.get(1)));
			}
		}
	}

	@Test
	@Order(3)
	void aRunDagsterDoesNotKnowIsNotFound() {
		HttpGraphQlTester operator = SignedIn.as(anonymous, OPERATOR, Caller.REFRESH_SCOPE);

		operator.documentName("refreshRun")
			.variable("id", UUID.randomUUID())
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).extracting(SignedIn::code).containsExactly("NOT_FOUND"));
	}

	@Test
	@Order(4)
	void aLaunchDagsterRefusesIsReportedOnItsRunIdWithItsCode() throws InterruptedException {
		Caller operator = new Caller(OPERATOR, Set.of(Caller.REFRESH_SCOPE));
		RefreshService refreshes = service("a_job_dagster_does_not_have");

		RefreshRun launching = refreshes.refresh(operator).join();
		assertThat(launching.status()).isEqualTo(RefreshStatus.LAUNCHING);

		Instant deadline = Instant.now().plus(RUN_WAIT);
		CompletableFuture<RefreshRun> run = refreshes.run(operator, launching.id());
		while (run.thenApply(RefreshRun::status).exceptionally(failure -> null).join() == RefreshStatus.LAUNCHING
				&& Instant.now().isBefore(deadline)) {
			Thread.sleep(200);
			run = refreshes.run(operator, launching.id());
		}
		assertThat(run).failsWithin(Duration.ZERO)
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOfSatisfying(AnalyticsException.class, failure -> {
				assertThat(failure.code()).isEqualTo(ErrorCode.UNAVAILABLE);
				assertThat(failure.getMessage()).startsWith("Refresh run " + launching.id() + " was not launched")
					.doesNotContain("Exception");
			});
	}

	private RefreshRun restartedGatewayRefresh() {
		return service("analytics_refresh").refresh(new Caller(OPERATOR, Set.of(Caller.REFRESH_SCOPE))).join();
	}

	private static RefreshService service(String jobName) {
		RefreshProperties properties = new RefreshProperties(dagster.url(), "analytics", "__repository__", jobName,
				Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofSeconds(90));
		return new RefreshService(new DagsterClient(properties), properties);
	}

	/** Until the run leaves LAUNCHING: from then on Dagster itself knows it. */
	private static void awaitAcceptedByDagster(HttpGraphQlTester operator, String runId) throws InterruptedException {
		Instant deadline = Instant.now().plus(RUN_WAIT);
		while (Instant.now().isBefore(deadline)) {
			String status = operator.documentName("refreshRun")
				.variable("id", runId)
				.execute()
				.path("refreshRun.status")
				.entity(String.class)
				.get();
			if (!"LAUNCHING".equals(status)) {
				return;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("refresh run " + runId + " was not accepted by Dagster in " + RUN_WAIT);
	}

	private static Map<?, ?> awaitFinished(HttpGraphQlTester operator, String runId) throws InterruptedException {
		Instant deadline = Instant.now().plus(RUN_WAIT);
		while (Instant.now().isBefore(deadline)) {
			Map<?, ?> run = operator.documentName("refreshRun")
				.variable("id", runId)
				.execute()
				.path("refreshRun")
				.entity(Map.class)
				.get();
			if (!RefreshStatus.valueOf((String) run.get("status")).inProgress()) {
				return run;
			}
			Thread.sleep(1000);
		}
		throw new AssertionError("refresh run " + runId + " did not finish in " + RUN_WAIT);
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
