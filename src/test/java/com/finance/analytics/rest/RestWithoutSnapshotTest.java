package com.finance.analytics.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.finance.analytics.GatewayHttp;
import com.finance.analytics.GatewayHttp.Response;
import com.finance.analytics.GatewayTest;
import com.finance.analytics.security.TestTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Before any snapshot is published: status says so, data endpoints answer 503
 * UNAVAILABLE, the document still loads.
 */
@GatewayTest
class RestWithoutSnapshotTest {

	private static final String TOKEN = TestTokens.bearer(UUID.fromString("5d2f4a8e-1c3b-4e6f-9a7d-2b8c0e1f3a45"));

	@Autowired
	private GatewayHttp http;

	@DynamicPropertySource
	static void emptySnapshotsDir(DynamicPropertyRegistry registry) throws IOException {
		Path empty = Files.createTempDirectory("rest-no-snapshot");
		registry.add("analytics.snapshots-dir", empty::toString);
	}

	@Test
	void statusReportsNoDataAndDataEndpointsAreUnavailable() {
		Response status = http.get(TOKEN, "/api/analytics/status");
		assertThat(status.status()).isEqualTo(200);
		assertThat(status.json().path("available").asBoolean()).isFalse();
		assertThat(status.json().has("snapshot_id")).isFalse();

		for (String path : new String[] { "/api/analytics/datasets", "/api/analytics/datasets/fct_transactions/schema",
				"/api/analytics/datasets/fct_transactions/query",
				"/api/analytics/monthly-trends?start_date=2026-01-01&end_date=2026-01-31" }) {
			Response response = http.get(TOKEN, path);
			assertThat(response.status()).as(path).isEqualTo(503);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.problemCode()).isEqualTo("UNAVAILABLE");
		}
		assertThat(http.get(null, "/v3/api-docs").status()).isEqualTo(200);
	}

}
