package com.finance.analytics.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.finance.analytics.GatewayHttp;
import com.finance.analytics.GatewayHttp.Response;
import com.finance.analytics.GatewayTest;
import com.finance.analytics.SourceData;
import com.finance.analytics.refresh.DagsterDown;
import com.finance.analytics.security.Caller;
import com.finance.analytics.security.TestTokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The security suite's hostile cases on REST, each next to the same request on GraphQL:
 * bad tokens, another user's ids, malformed and unknown parameters, unknown datasets,
 * refresh without the scope and with Dagster down. Every refusal is a problem detail with
 * the code GraphQL answers with, and never leaks internals.
 */
@GatewayTest
@DagsterDown
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestHostileRequestsTest {

	private static final String RANGE = "start_date=2026-01-01&end_date=2026-03-31";

	private static final List<String> DATA_PATHS = List.of("/api/analytics/status", "/api/analytics/datasets",
			"/api/analytics/datasets/fct_transactions/schema", "/api/analytics/datasets/fct_transactions/query",
			"/api/analytics/spending-by-tag?" + RANGE, "/api/analytics/monthly-trends?" + RANGE,
			"/api/analytics/balance-history?" + RANGE);

	@Autowired
	private GatewayHttp http;

	private UUID user;

	private String token;

	private UUID foreignAccount;

	private UUID foreignTag;

	@BeforeAll
	void users() throws Exception {
		try (SourceData source = SourceData.open()) {
			List<UUID> users = source.usersByActivity();
			user = users.get(0);
			foreignAccount = source.accountsOf(users.get(1)).getFirst();
			foreignTag = source.tagsOf(users.get(1)).getFirst();
		}
		token = TestTokens.bearer(user);
	}

	static Stream<String> badAuthorizations() {
		UUID someone = UUID.fromString("7f1c1bde-52a4-4c1e-9d0b-5b8b6a4b9e11");
		return Stream.of(null, "Basic dXNlcjpwYXNz", "Bearer", "Bearer not-a-jwt",
				"Bearer " + TestTokens.expired(someone), "Bearer " + TestTokens.notYetValid(someone),
				"Bearer " + TestTokens.wrongSecret(someone), "Bearer " + TestTokens.algNone(someone),
				"Bearer " + TestTokens.withoutExpiry(someone),
				"Bearer " + TestTokens.raw("{\"alg\":\"HS256\"}", "{\"sub\":\"" + someone + "\"}", "AAAA"));
	}

	@ParameterizedTest
	@MethodSource("badAuthorizations")
	void badTokensAreRefusedOnEveryEndpointAsOnGraphQl(String authorization) {
		Response graphQl = graphQl(authorization, "analyticsAvailable", Map.of());
		assertThat(graphQl.status()).isEqualTo(401);
		assertThat(graphQl.errorCodes()).containsExactly("UNAUTHENTICATED");

		for (String path : DATA_PATHS) {
			assertProblem(http.get(authorization, path), 401, "UNAUTHENTICATED");
		}
		assertProblem(http.post(authorization, "/api/analytics/refresh"), 401, "UNAUTHENTICATED");
	}

	@Test
	void anotherUsersAccountIsForbiddenAsOnGraphQl() {
		Response graphQl = graphQl(token, "transactionTotalAndJanuaryBalanceOfAccounts",
				Map.of("a", List.of(foreignAccount.toString())));
		assertThat(graphQl.errorCodes()).containsOnly("FORBIDDEN").hasSize(2);

		assertProblem(http.get(token, "/api/analytics/datasets/fct_transactions/query?account_ids=" + foreignAccount),
				403, "FORBIDDEN");
		assertProblem(http.get(token, "/api/analytics/datasets/dim_accounts/query?account_ids=" + foreignAccount), 403,
				"FORBIDDEN");
		assertProblem(http.get(token, "/api/analytics/balance-history?" + RANGE + "&account_ids=" + foreignAccount),
				403, "FORBIDDEN");
	}

	@Test
	void anotherUsersTagIsForbiddenEvenNextToOwnIdsAsOnGraphQl() throws Exception {
		UUID ownTag;
		try (SourceData source = SourceData.open()) {
			ownTag = source.tagsOf(user).getFirst();
		}
		Response graphQl = graphQl(token, "firstQuarterSpendingCurrenciesOfTags",
				Map.of("t", List.of(ownTag.toString(), foreignTag.toString())));
		assertThat(graphQl.errorCodes()).containsExactly("FORBIDDEN");

		assertProblem(
				http.get(token, "/api/analytics/spending-by-tag?" + RANGE + "&tag_ids=" + ownTag + "," + foreignTag),
				403, "FORBIDDEN");
		assertProblem(
				http.get(token,
						"/api/analytics/datasets/fct_transactions/query?tag_ids=" + ownTag + "&tag_ids=" + foreignTag),
				403, "FORBIDDEN");
		assertProblem(http.get(token, "/api/analytics/datasets/dim_tags/query?tag_ids=" + foreignTag), 403,
				"FORBIDDEN");
	}

	@Test
	void unknownDatasetIsNotFoundAsOnGraphQl() {
		Response graphQl = graphQl(token, "stagingDataset", Map.of());
		assertThat(graphQl.errorCodes()).containsExactly("NOT_FOUND");

		assertProblem(http.get(token, "/api/analytics/datasets/stg_transactions/query"), 404, "NOT_FOUND");
		assertProblem(http.get(token, "/api/analytics/datasets/stg_transactions/schema"), 404, "NOT_FOUND");
		assertProblem(http.get(token, "/api/analytics/datasets/main.fct_transactions/query"), 404, "NOT_FOUND");
		assertProblem(http.get(token, "/api/analytics/no-such-endpoint"), 404, "NOT_FOUND");
	}

	static Stream<String> malformedRequests() {
		String query = "/api/analytics/datasets/fct_transactions/query?";
		return Stream.of(query + "start_date=2026-02-30", query + "start_date=2026-1-01",
				query + "start_date=01/02/2026", query + "start_date=2026-01-01T00:00:00",
				query + "start_date=%27%3B%20drop%20table%20x%3B--",
				query + "start_date=2026-03-01&end_date=2026-02-01",
				query + "start_date=2026-01-01&start_date=2026-02-01", query + "account_ids=not-a-uuid",
				query + "account_ids=1-1-1-1-1", query + "account_ids=", query + "tag_ids=" + UUID.randomUUID() + ",,",
				query + "limit=10001", query + "limit=-1", query + "limit=abc", query + "limit=1e3",
				query + "limit=99999999999", query + "offset=-5", query + "order_by=amount",
				query + "user_id=" + UUID.randomUUID(), query + "&=0",
				"/api/analytics/datasets/dim_tags/query?start_date=2026-01-01",
				"/api/analytics/datasets/dim_tags/query?account_ids=" + UUID.randomUUID(),
				"/api/analytics/datasets/fct_monthly_trends/query?tag_ids=" + UUID.randomUUID(),
				"/api/analytics/spending-by-tag", "/api/analytics/spending-by-tag?start_date=2026-01-01",
				"/api/analytics/spending-by-tag?" + RANGE + "&account_ids=" + UUID.randomUUID(),
				"/api/analytics/monthly-trends?" + RANGE + "&tag_ids=" + UUID.randomUUID(),
				"/api/analytics/balance-history?end_date=2026-01-01", "/api/analytics/status?verbose=true",
				"/api/analytics/datasets?limit=1");
	}

	@ParameterizedTest
	@MethodSource("malformedRequests")
	void malformedParametersAreBadRequests(String pathAndQuery) {
		assertProblem(http.get(token, pathAndQuery), 400, "BAD_REQUEST");
	}

	@Test
	void malformedArgumentsAreBadRequestsOnGraphQlToo() {
		Response graphQl = graphQl(token, "transactionsFromFebruary30OverLimit", Map.of());
		assertThat(graphQl.errorCodes()).isNotEmpty().containsOnly("BAD_REQUEST");
	}

	@Test
	void tooManyIdsAreRefusedLikeGraphQlsListLimit() {
		String ids = String.join(",", Stream.generate(() -> UUID.randomUUID().toString()).limit(101).toList());
		assertProblem(http.get(token, "/api/analytics/datasets/fct_transactions/query?account_ids=" + ids), 400,
				"BAD_REQUEST");
	}

	@Test
	void refreshNeedsTheRefreshScopeAsOnGraphQl() {
		Response graphQl = graphQl(token, "refreshAnalyticsId", Map.of());
		assertThat(graphQl.errorCodes()).containsExactly("FORBIDDEN");

		assertProblem(http.post(token, "/api/analytics/refresh"), 403, "FORBIDDEN");
	}

	@Test
	void refreshWithTheScopeIsUnavailableWhileDagsterIsDownAsOnGraphQl() {
		String operator = TestTokens.bearer(user, Caller.REFRESH_SCOPE);
		Response graphQl = graphQl(operator, "refreshAnalyticsId", Map.of());
		assertThat(graphQl.errorCodes()).containsExactly("UNAVAILABLE");

		Response rest = http.post(operator, "/api/analytics/refresh");
		assertProblem(rest, 503, "UNAVAILABLE");
		assertThat(rest.text()).doesNotContain("127.0.0.1");
	}

	@Test
	void refreshRunStatusNeedsTheScopeAndAUuidAsOnGraphQl() {
		String runId = UUID.randomUUID().toString();
		assertThat(graphQl(token, "refreshRunId", Map.of("id", runId)).errorCodes()).containsExactly("FORBIDDEN");
		assertProblem(http.get(token, "/api/analytics/refresh/" + runId), 403, "FORBIDDEN");

		String operator = TestTokens.bearer(user, Caller.REFRESH_SCOPE);
		assertThat(graphQl(operator, "refreshRunId", Map.of("id", "1 OR 1=1")).errorCodes())
			.containsExactly("BAD_REQUEST");
		assertProblem(http.get(operator, "/api/analytics/refresh/1%20OR%201=1"), 400, "BAD_REQUEST");
		assertThat(graphQl(operator, "refreshRunId", Map.of("id", runId)).errorCodes()).containsExactly("UNAVAILABLE");
		assertProblem(http.get(operator, "/api/analytics/refresh/" + runId), 503, "UNAVAILABLE");
	}

	@Test
	void wrongMethodIsAProblemDetailToo() {
		Response response = http.post(token, "/api/analytics/datasets");
		assertProblem(response, 405, "BAD_REQUEST");
	}

	private static void assertProblem(Response response, int status, String code) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().path("status").asInt()).isEqualTo(status);
		assertThat(response.json().path("type").asString()).isNotEmpty();
		assertThat(response.json().path("title").asString()).isNotEmpty();
		assertThat(response.json().path("detail").asString()).isNotEmpty();
		assertThat(response.problemCode()).isEqualTo(code);
		assertThat(response.text()).doesNotContainIgnoringCase("exception")
			.doesNotContainIgnoringCase("select ")
			.doesNotContain("\tat ")
			.doesNotContain("duckdb");
	}

	/**
	 * GraphQL's answer to the same request: the named document sent raw, since refusals
	 * carry HTTP statuses.
	 */
	private Response graphQl(String authorization, String documentName, Map<String, Object> variables) {
		return http.graphQl(authorization, GatewayHttp.document(documentName), variables);
	}

}
