package com.finance.analytics.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.finance.analytics.GatewayHttp;
import com.finance.analytics.GatewayHttp.Response;
import com.finance.analytics.GatewayTest;
import com.finance.analytics.SignedIn;
import com.finance.analytics.security.TestTokens;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The Prometheus scrape on the live gateway, read before and after requests of this test
 * only (the context is shared, so other tests' requests are in the counts too): request
 * counts by transport, operation and outcome, DuckDB statements, the served snapshot. A
 * request is recorded when its response has completed on the server, which can be just
 * after the client has read it, so the scrape is read until the count arrives.
 */
@GatewayTest
class MetricsOverHttpTest {

	private static final String REQUESTS = "analytics_requests_seconds_count";

	private static final String STATEMENTS = "analytics_duckdb_statements_seconds_count";

	private static final Duration RECORDED_WITHIN = Duration.ofSeconds(30);

	@Autowired
	private HttpGraphQlTester graphQl;

	@Autowired
	private GatewayHttp http;

	@Test
	void scrapeNeedsNoTokenAndHoldsNoUserId() {
		UUID user = UUID.randomUUID();
		http.get(TestTokens.bearer(user), "/api/analytics/spending-by-tag?start_date=2026-01-01&end_date=2026-03-31");

		Response scrape = http.get(null, "/actuator/prometheus");

		assertThat(scrape.status()).isEqualTo(200);
		assertThat(scrape.text()).contains("analytics_requests_seconds").doesNotContain(user.toString());
	}

	@Test
	void namedGraphQlQueryIsCountedUnderItsNameWithItsStatements() {
		Map<String, String> series = Map.of("transport", "graphql", "operation", "DashboardSpending", "outcome", "ok");
		Map<String, String> okStatements = Map.of("outcome", "ok");
		PrometheusScrape before = scrape();

		// a user of their own: no cache can answer for them without a statement
		SignedIn.as(graphQl, UUID.randomUUID())
			.documentName("DashboardSpending")
			.operationName("DashboardSpending")
			.variable("start", "2026-01-01")
			.variable("end", "2026-03-31")
			.execute()
			.errors()
			.verify();

		awaitCount(REQUESTS, series, before.count(REQUESTS, series) + 1);
		assertThat(scrape().count(STATEMENTS, okStatements)).isGreaterThan(before.count(STATEMENTS, okStatements));
	}

	@Test
	void restCallIsCountedUnderItsRouteTemplate() {
		Map<String, String> series = Map.of("transport", "rest", "operation", "/api/analytics/datasets/{id}/query",
				"outcome", "ok");
		PrometheusScrape before = scrape();

		Response response = http.get(TestTokens.bearer(UUID.randomUUID()),
				"/api/analytics/datasets/fct_transactions/query?limit=5");

		assertThat(response.status()).isEqualTo(200);
		awaitCount(REQUESTS, series, before.count(REQUESTS, series) + 1);
	}

	@Test
	void refusedAndFailedRequestsAreCountedUnderTheirErrorCodes() {
		Map<String, String> unauthenticated = Map.of("transport", "graphql", "operation", "unknown", "outcome",
				"UNAUTHENTICATED");
		Map<String, String> invalidDate = Map.of("transport", "graphql", "operation", "anonymous", "outcome",
				"BAD_REQUEST");
		Map<String, String> unknownDataset = Map.of("transport", "rest", "operation",
				"/api/analytics/datasets/{id}/schema", "outcome", "NOT_FOUND");
		PrometheusScrape before = scrape();

		assertThat(http.graphQl(null, GatewayHttp.document("accountNames"), Map.of()).status()).isEqualTo(401);
		assertThat(http
			.graphQl(TestTokens.bearer(UUID.randomUUID()), GatewayHttp.document("transactionsFromFebruary30"), Map.of())
			.errorCodes()).containsExactly("BAD_REQUEST");
		assertThat(
				http.get(TestTokens.bearer(UUID.randomUUID()), "/api/analytics/datasets/no_such_mart/schema").status())
			.isEqualTo(404);

		awaitCount(REQUESTS, unauthenticated, before.count(REQUESTS, unauthenticated) + 1);
		awaitCount(REQUESTS, invalidDate, before.count(REQUESTS, invalidDate) + 1);
		awaitCount(REQUESTS, unknownDataset, before.count(REQUESTS, unknownDataset) + 1);
	}

	@Test
	void snapshotInfoCarriesTheServedSnapshotId() {
		String served = SignedIn.as(graphQl, UUID.randomUUID())
			.documentName("servedSnapshotId")
			.execute()
			.path("analyticsStatus.snapshotId")
			.entity(String.class)
			.get();

		PrometheusScrape scrape = scrape();

		assertThat(scrape.value("analytics_snapshot_info", Map.of("snapshot_id", served))).hasValue(1.0);
		assertThat(scrape.value("analytics_snapshot_age_seconds", Map.of())).isPresent();
		assertThat(scrape.text().lines().filter(line -> line.startsWith("analytics_snapshot_info{"))).hasSize(1);
	}

	private PrometheusScrape scrape() {
		Response response = http.get(null, "/actuator/prometheus");
		assertThat(response.status()).isEqualTo(200);
		return new PrometheusScrape(response.text());
	}

	private void awaitCount(String name, Map<String, String> labels, double expected) {
		await().atMost(RECORDED_WITHIN)
			.untilAsserted(() -> assertThat(scrape().count(name, labels)).isGreaterThanOrEqualTo(expected));
	}

}
