package com.finance.analytics.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.finance.analytics.TestFixtures;
import com.finance.analytics.snapshot.SnapshotManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The gateway starts with no snapshot, answers UNAVAILABLE and reports DOWN, then recovers on its own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NoSnapshotTest {

    private static final Path SNAPSHOTS = emptyDirectory();

    @LocalServerPort
    private int port;

    @Autowired
    private SnapshotManager snapshots;

    @DynamicPropertySource
    static void emptySnapshotsDir(DynamicPropertyRegistry registry) {
        registry.add("analytics.snapshots-dir", SNAPSHOTS::toString);
    }

    @Test
    void answersUnavailableUntilASnapshotIsPublishedThenServesIt() throws Exception {
        HttpGraphQlTester graphQl = GatewayTesters.as(port, UUID.randomUUID());

        graphQl.document("{ analyticsStatus { available snapshotId datasetCount } }").execute()
                .path("analyticsStatus.available").entity(Boolean.class).isEqualTo(false)
                .path("analyticsStatus.datasetCount").entity(Integer.class).isEqualTo(0);
        for (String query : new String[] {
                "{ fctTransactions { totalCount } }",
                "{ datasets { id } }",
                "{ spendingByTag(startDate: \"2026-01-01\", endDate: \"2026-01-31\") { currency } }"}) {
            graphQl.document(query).execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                    .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "UNAVAILABLE")));
        }
        health().expectStatus().isEqualTo(503).expectBody().jsonPath("$.components.duckdb.status").isEqualTo("DOWN");

        TestFixtures.copyTestSnapshot(SNAPSHOTS, "20260101T000000Z-aaaa");
        TestFixtures.publish(SNAPSHOTS, "20260101T000000Z-aaaa");
        snapshots.refresh();

        graphQl.document("{ analyticsStatus { available snapshotId } fctTransactions(limit: 0) { totalCount } }")
                .execute()
                .path("analyticsStatus.available").entity(Boolean.class).isEqualTo(true)
                .path("analyticsStatus.snapshotId").entity(String.class).isEqualTo("20260101T000000Z-aaaa")
                .path("fctTransactions.totalCount").entity(Long.class).isEqualTo(0L);
        health().expectStatus().isOk().expectBody().jsonPath("$.components.duckdb.status").isEqualTo("UP");
    }

    private WebTestClient.ResponseSpec health() {
        return WebTestClient.bindToServer(new org.springframework.http.client.reactive.JdkClientHttpConnector())
                .baseUrl("http://127.0.0.1:" + port).build().get().uri("/actuator/health").exchange();
    }

    private static Path emptyDirectory() {
        try {
            return Files.createTempDirectory("no-snapshot");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
