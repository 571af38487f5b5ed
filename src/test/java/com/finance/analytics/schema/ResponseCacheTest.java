package com.finance.analytics.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import com.finance.analytics.GatewayHttp;
import com.finance.analytics.GatewayHttp.Response;
import com.finance.analytics.GatewayTest;
import com.finance.analytics.SignedIn;
import com.finance.analytics.SourceData;
import com.finance.analytics.query.QueryExecutor;
import com.finance.analytics.query.ResultCache;
import com.finance.analytics.security.TestTokens;

/**
 * The cache of whole answers on the live gateway: a repeated query is answered with the
 * same JSON and runs nothing (no statement, not even a lookup in the statement cache);
 * the same request of another user is that user's own answer; a refused request is never
 * kept. Each test asks with variables no other test uses, so its first request is a miss
 * whatever ran before.
 */
@GatewayTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResponseCacheTest {

	private static final LocalDate ALL_START = LocalDate.parse("2000-01-01");

	private static final LocalDate ALL_END = LocalDate.parse("2100-01-01");

	@Autowired
	private HttpGraphQlTester anonymous;

	@Autowired
	private GatewayHttp http;

	@Autowired
	private ResponseCache responses;

	@Autowired
	private ResultCache results;

	@Autowired
	private QueryExecutor executor;

	private SourceData source;

	private List<UUID> users;

	@BeforeAll
	void openSource() throws Exception {
		source = SourceData.open();
		users = source.usersByActivity();
	}

	@AfterAll
	void closeSource() throws Exception {
		source.close();
	}

	@Test
	void repeatedQueryAnswersTheSameJsonWithoutRunningAnything() {
		String bearer = TestTokens.bearer(users.get(1));
		String document = GatewayHttp.document("transactionsPageWithAccountAndTags");
		Map<String, Object> variables = Map.of("limit", 17, "offset", 3);
		Response first = http.graphQl(bearer, document, variables);
		long responseHits = responses.stats().hitCount();
		long resultLookups = results.stats().requestCount();
		long statements = executor.statementsExecuted();

		Response second = http.graphQl(bearer, document, variables);

		assertThat(first.errorCodes()).isEmpty();
		assertThat(first.data().path("fctTransactions").path("nodes").size()).isEqualTo(17);
		assertThat(second.text()).isEqualTo(first.text());
		assertThat(responses.stats().hitCount() - responseHits).isOne();
		assertThat(results.stats().requestCount() - resultLookups).as("no statement cache lookup").isZero();
		assertThat(executor.statementsExecuted() - statements).isZero();
	}

	@Test
	void sameQueryOfAnotherUserAnswersWithTheirOwnRows() throws Exception {
		UUID first = users.getFirst();
		UUID second = users.getLast();
		Map<?, ?> firstAnswer = page(SignedIn.as(anonymous, first), 11, 9);
		long hits = responses.stats().hitCount();
		assertThat(page(SignedIn.as(anonymous, first), 11, 9)).isEqualTo(firstAnswer);
		assertThat(responses.stats().hitCount() - hits).as("the first user's repeat is kept").isOne();

		Map<?, ?> secondAnswer = page(SignedIn.as(anonymous, second), 11, 9);

		assertThat(responses.stats().hitCount() - hits).as("the second user's request is a miss").isOne();
		assertThat(((Number) secondAnswer.get("totalCount")).longValue())
			.isEqualTo(source.transactionCount(second, ALL_START, ALL_END, List.of()))
			.isNotEqualTo(((Number) firstAnswer.get("totalCount")).longValue());
		for (Object row : (List<?>) secondAnswer.get("nodes")) {
			assertThat(((Map<?, ?>) ((Map<?, ?>) row).get("account")).get("userId")).isEqualTo(second.toString());
		}
	}

	@Test
	void getAfterPostOfTheSameQueryIsAnsweredFromTheCache() {
		String bearer = TestTokens.bearer(users.get(2));
		String document = GatewayHttp.document("transactionsPageWithAccountAndTags");
		Response posted = http.graphQl(bearer, document, Map.of("limit", 6, "offset", 21));
		long hits = responses.stats().hitCount();

		Response got = http.get(bearer,
				"/graphql?query=" + encoded(document) + "&variables=" + encoded("{\"limit\":6,\"offset\":21}"));

		assertThat(got.status()).isEqualTo(200);
		assertThat(got.text()).isEqualTo(posted.text());
		assertThat(got.headers().firstValue("ETag")).isPresent();
		assertThat(responses.stats().hitCount() - hits).isOne();
	}

	@Test
	void refusedRequestIsNeverKept() throws Exception {
		UUID caller = users.get(3);
		UUID foreignAccount = source.accountsOf(users.get(4)).getFirst();
		String bearer = TestTokens.bearer(caller);
		String document = GatewayHttp.document("transactionTotalForAccounts");
		long hits = responses.stats().hitCount();

		for (int attempt = 0; attempt < 2; attempt++) {
			assertThat(http.graphQl(bearer, document, Map.of("a", List.of(foreignAccount.toString()))).errorCodes())
				.containsExactly("FORBIDDEN");
		}
		assertThat(responses.stats().hitCount()).isEqualTo(hits);
	}

	private static Map<?, ?> page(HttpGraphQlTester caller, int limit, int offset) {
		return caller.documentName("transactionsPageWithAccountAndTags")
			.variable("limit", limit)
			.variable("offset", offset)
			.execute()
			.path("fctTransactions")
			.entity(Map.class)
			.get();
	}

	private static String encoded(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
