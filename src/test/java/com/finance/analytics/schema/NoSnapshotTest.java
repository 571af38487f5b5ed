package com.finance.analytics.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.finance.analytics.TestFixtures;
import com.finance.analytics.snapshot.SnapshotManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
        assertHealth(503, "DOWN");

        TestFixtures.copyTestSnapshot(SNAPSHOTS, "20260101T000000Z-aaaa");
        TestFixtures.publish(SNAPSHOTS, "20260101T000000Z-aaaa");
        snapshots.refresh();

        graphQl.document("{ analyticsStatus { available snapshotId } fctTransactions(limit: 0) { totalCount } }")
                .execute()
                .path("analyticsStatus.available").entity(Boolean.class).isEqualTo(true)
                .path("analyticsStatus.snapshotId").entity(String.class).isEqualTo("20260101T000000Z-aaaa")
                .path("fctTransactions.totalCount").entity(Long.class).isEqualTo(0L);
        assertHealth(200, "UP");
    }

    /** The DuckDB component's status is public; details (disk paths, snapshot ids, reasons) are not. */
    private void assertHealth(int httpStatus, String duckDbStatus) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode health = JsonMapper.builder().build().readTree(response.body());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(httpStatus);
        assertThat(health.path("status").asString()).as(response.body()).isEqualTo(duckDbStatus);
        assertThat(health.path("components").path("duckdb").path("status").asString()).as(response.body())
                .isEqualTo(duckDbStatus);
        assertThat(health.findValues("details")).as(response.body()).isEmpty();
        assertThat(response.body()).doesNotContain(SNAPSHOTS.toString()).doesNotContain("20260101T000000Z-aaaa");
    }

    private static Path emptyDirectory() {
        try {
            return Files.createTempDirectory("no-snapshot");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
