package com.finance.analytics.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.finance.analytics.GatewayHttp;
import com.finance.analytics.GatewayTest;
import com.finance.analytics.SignedIn;
import com.finance.analytics.TestFixtures;
import com.finance.analytics.snapshot.SnapshotManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The gateway starts with no snapshot, answers UNAVAILABLE and reports DOWN, then
 * recovers on its own.
 */
@GatewayTest
class NoSnapshotTest {

	private static final Path SNAPSHOTS = emptyDirectory();

	@Autowired
	private HttpGraphQlTester anonymous;

	@Autowired
	private GatewayHttp http;

	@Autowired
	private SnapshotManager snapshots;

	@DynamicPropertySource
	static void emptySnapshotsDir(DynamicPropertyRegistry registry) {
		registry.add("analytics.snapshots-dir", SNAPSHOTS::toString);
	}

	@Test
	void answersUnavailableUntilASnapshotIsPublishedThenServesIt() throws Exception {
		HttpGraphQlTester graphQl = SignedIn.as(anonymous, UUID.randomUUID());

		graphQl.documentName("statusWithDatasetCount")
			.execute()
			.path("analyticsStatus.available")
			.entity(Boolean.class)
			.isEqualTo(false)
			.path("analyticsStatus.datasetCount")
			.entity(Integer.class)
			.isEqualTo(0);
		for (String document : new String[] { "transactionCount", "datasetIds", "januarySpendingCurrencies" }) {
			graphQl.documentName(document)
				.execute()
				.errors()
				.satisfy(errors -> assertThat(errors).singleElement()
					.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "UNAVAILABLE")));
		}
		assertHealth(503, "DOWN");

		TestFixtures.copyTestSnapshot(SNAPSHOTS, "20260101T000000Z-aaaa");
		TestFixtures.publish(SNAPSHOTS, "20260101T000000Z-aaaa");
		snapshots.refresh();

		graphQl.documentName("statusAndTransactionTotal")
			.execute()
			.path("analyticsStatus.available")
			.entity(Boolean.class)
			.isEqualTo(true)
			.path("analyticsStatus.snapshotId")
			.entity(String.class)
			.isEqualTo("20260101T000000Z-aaaa")
			.path("fctTransactions.totalCount")
			.entity(Long.class)
			.isEqualTo(0L);
		assertHealth(200, "UP");
	}

	/**
	 * The DuckDB component's status is public; details (disk paths, snapshot ids,
	 * reasons) are not.
	 */
	private void assertHealth(int httpStatus, String duckDbStatus) {
		GatewayHttp.Response response = http.get(null, "/actuator/health");
		JsonNode health = response.json();

		assertThat(response.status()).as(response.text()).isEqualTo(httpStatus);
		assertThat(health.path("status").asString()).as(response.text()).isEqualTo(duckDbStatus);
		assertThat(health.path("components").path("duckdb").path("status").asString()).as(response.text())
			.isEqualTo(duckDbStatus);
		assertThat(health.findValues("details")).as(response.text()).isEmpty();
		assertThat(response.text()).doesNotContain(SNAPSHOTS.toString()).doesNotContain("20260101T000000Z-aaaa");
	}

	private static Path emptyDirectory() {
		try {
			return Files.createTempDirectory("no-snapshot");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
