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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.HttpSyncGraphQlClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.finance.analytics.security.Caller;

/**
 * The whole refresh with real parts: rows inserted into PostgreSQL, the {@code refreshAnalytics} mutation over HTTP,
 * a real Dagster on loopback running the dbt build and publishing, and the gateway swapping to the new snapshot.
 * The gateway starts with no snapshot at all, as a fresh install does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RefreshThroughDagsterTest {

    private static final Path WORK = RefreshFixtures.temporaryDirectory("refresh-dagster");
    private static final Path SNAPSHOTS = WORK.resolve("snapshots");
    private static final UUID OPERATOR = UUID.fromString("6f1d7c0e-2a55-4d8e-9a51-3c2b7e9f0d10");
    private static final Duration RUN_WAIT = Duration.ofMinutes(5);
    private static final String REFRESH = "mutation { refreshAnalytics { id status startedAt finishedAt message } }";
    private static final String RUN = "query($id: ID!) { refreshRun(id: $id) { id status startedAt finishedAt message } }";
    private static final String TRANSACTIONS_ON = """
            query($day: Date!) { fctTransactions(filter: {startDate: $day, endDate: $day}) {
              nodes { transactionId amount description } } }
            """;

    private static FileLock database;
    private static DagsterProcess dagster;

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void realDagsterOverPostgres(DynamicPropertyRegistry registry) throws Exception {
        Files.createDirectories(SNAPSHOTS);
        database = PostgresSource.exclusiveUse();
        PostgresSource.load();
        dagster = DagsterProcess.start(WORK.resolve("dagster-home"), Map.of(
                "ANALYTICS_DBT_TARGET", "postgres",
                "ANALYTICS_POSTGRES_DSN", PostgresSource.DSN,
                "ANALYTICS_SNAPSHOTS_DIR", SNAPSHOTS.toString(),
                "ANALYTICS_ORCHESTRATION_WORK_DIR", WORK.resolve("orchestration").toString()));
        registry.add("analytics.snapshots-dir", SNAPSHOTS::toString);
        registry.add("analytics.poll-interval", () -> "200ms");
        registry.add("analytics.refresh.dagster-url", () -> dagster.url().toString());
        // Generous: CI shares two cores between the dbt build Dagster runs and everything else.
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
        HttpSyncGraphQlClient operator = GatewayGraphQl.as(port, OPERATOR, Caller.REFRESH_SCOPE);

        ClientGraphQlResponse launched = operator.document(REFRESH).executeSync();
        assertThat(launched.getErrors()).isEmpty();
        String runId = launched.field("refreshAnalytics.id").getValue();
        assertThat(RefreshStatus.valueOf(launched.field("refreshAnalytics.status").getValue()).inProgress()).isTrue();
        assertThat(operator.document(REFRESH).executeSync().field("refreshAnalytics.id").<String>getValue())
                .as("a second refresh while one runs returns the running one").isEqualTo(runId);
        assertThat(restartedGatewayRefresh().id()).as("a restarted gateway finds the running one in Dagster")
                .isEqualTo(runId);

        Map<?, ?> finished = awaitFinished(operator, runId);
        assertThat(finished.get("status")).as(dagster::logTail).isEqualTo("SUCCESS");
        assertThat(finished.get("startedAt")).isNotNull();
        assertThat(finished.get("finishedAt")).isNotNull();
        assertThat(finished.get("message")).isNull();

        String published = SnapshotBuilds.currentId(SNAPSHOTS);
        RefreshFixtures.awaitCondition("the gateway serving " + published, Duration.ofMinutes(1),
                () -> published.equals(servedSnapshot(operator)));
        ClientGraphQlResponse rows = GatewayGraphQl.as(port, day.userId())
                .document(TRANSACTIONS_ON).variable("day", day.quietDay().toString()).executeSync();
        assertThat(rows.getErrors()).isEmpty();
        assertThat(rows.field("fctTransactions.nodes").toEntityList(Map.class))
                .extracting(node -> node.get("transactionId"))
                .containsExactlyInAnyOrderElementsOf(inserted.stream().map(UUID::toString).toList());
    }

    @Test
    @Order(2)
    void failedDbtTestReportsDagstersMessageAndKeepsServingTheLastGoodSnapshot() throws Exception {
        HttpSyncGraphQlClient operator = GatewayGraphQl.as(port, OPERATOR, Caller.REFRESH_SCOPE);
        String serving = servedSnapshot(operator);
        assertThat(serving).as("the first test published a snapshot").isNotNull();
        List<UUID> broken = List.of(UUID.randomUUID(), UUID.randomUUID());
        try (Connection source = PostgresSource.connect()) {
            SourceEdits.Target day = SourceEdits.target(source, 0);
            // The pair nets to zero, so only the test that a transaction is in its account's currency fails.
            execute(source, SourceEdits.insertPurchaseAndRefund(day, broken, "XXX"));
        }
        try {
            String runId = operator.document(REFRESH).executeSync().field("refreshAnalytics.id").getValue();
            Map<?, ?> finished = awaitFinished(operator, runId);

            assertThat(finished.get("status")).isEqualTo("FAILURE");
            assertThat((String) finished.get("message")).startsWith("Nothing was published")
                    .contains("assert_transaction_currency_matches_account");
            assertThat(SnapshotBuilds.currentId(SNAPSHOTS)).isEqualTo(serving);
            assertThat(servedSnapshot(operator)).isEqualTo(serving);
            ClientGraphQlResponse stillServing = operator.document("{ datasets { id } }").executeSync();
            assertThat(stillServing.getErrors()).isEmpty();
        } finally {
            try (Connection source = PostgresSource.connect()) {
                execute(source, "DELETE FROM app.transactions WHERE id IN ('%s', '%s')"
                        .formatted(broken.get(0), broken.get(1)));
            }
        }
    }

    @Test
    @Order(3)
    void aRunDagsterDoesNotKnowIsNotFound() {
        HttpSyncGraphQlClient operator = GatewayGraphQl.as(port, OPERATOR, Caller.REFRESH_SCOPE);

        ClientGraphQlResponse response = operator.document(RUN).variable("id", UUID.randomUUID()).executeSync();

        assertThat(GatewayGraphQl.errorCodes(response)).containsExactly("NOT_FOUND");
    }

    private RefreshRun restartedGatewayRefresh() {
        RefreshProperties properties = new RefreshProperties(dagster.url(), "analytics", "__repository__",
                "analytics_refresh", Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofSeconds(90), 3);
        return new RefreshService(new DagsterClient(properties), properties)
                .refresh(new Caller(OPERATOR, Set.of(Caller.REFRESH_SCOPE))).join();
    }

    private static Map<?, ?> awaitFinished(HttpSyncGraphQlClient operator, String runId) throws InterruptedException {
        Instant deadline = Instant.now().plus(RUN_WAIT);
        while (Instant.now().isBefore(deadline)) {
            ClientGraphQlResponse response = operator.document(RUN).variable("id", runId).executeSync();
            assertThat(response.getErrors()).isEmpty();
            Map<?, ?> run = response.field("refreshRun").toEntity(Map.class);
            if (!RefreshStatus.valueOf((String) run.get("status")).inProgress()) {
                return run;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("refresh run " + runId + " did not finish in " + RUN_WAIT);
    }

    private static String servedSnapshot(HttpSyncGraphQlClient client) {
        return client.document("{ analyticsStatus { snapshotId } }").executeSync()
                .field("analyticsStatus.snapshotId").getValue();
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
