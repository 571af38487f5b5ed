package com.finance.analytics.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.finance.analytics.GatewayHttp;
import com.finance.analytics.GatewayHttp.Response;
import com.finance.analytics.GatewayTest;
import com.finance.analytics.security.TestTokens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * GraphQL over GET (urql's default), its entity tags, and OPTIONS, on the live gateway.
 */
@GatewayTest
class GraphQlOverGetTest {

	private static final String ACCOUNTS = GatewayHttp.document("accountNames");

	@Autowired
	private GatewayHttp http;

	@Test
	void queryOverGetAnswersLikePostWithAPrivateEntityTag() {
		String bearer = TestTokens.bearer(anyUser());
		Response get = http.get(bearer, "/graphql?query=" + encoded(ACCOUNTS));

		assertThat(get.status()).isEqualTo(200);
		assertThat(get.json()).isEqualTo(http.graphQl(bearer, ACCOUNTS, java.util.Map.of()).json());
		assertThat(get.headers().firstValue("ETag")).isPresent();
		assertThat(get.headers().firstValue("Cache-Control").orElseThrow()).contains("private").contains("no-cache");
	}

	@Test
	void matchingIfNoneMatchIsNotModifiedWithoutABody() {
		String bearer = TestTokens.bearer(anyUser());
		String tag = http.get(bearer, "/graphql?query=" + encoded(ACCOUNTS)).headers().firstValue("ETag").orElseThrow();

		Response again = http.send(http.request("/graphql?query=" + encoded(ACCOUNTS))
			.GET()
			.header("Authorization", bearer)
			.header("If-None-Match", tag));

		assertThat(again.status()).isEqualTo(304);
		assertThat(again.text()).isEmpty();
		assertThat(again.headers().firstValue("ETag")).contains(tag);
	}

	@Test
	void entityTagDiffersPerCallerAndPerVariables() {
		String first = tagOf(TestTokens.bearer(anyUser()), "/graphql?query=" + encoded(ACCOUNTS));
		String otherCaller = tagOf(TestTokens.bearer(anyUser()), "/graphql?query=" + encoded(ACCOUNTS));
		String withVariables = tagOf(TestTokens.bearer(anyUser()),
				"/graphql?query=" + encoded(ACCOUNTS) + "&variables=" + encoded("{\"unused\":1}"));

		assertThat(first).isNotEqualTo(otherCaller);
		assertThat(withVariables).isNotEqualTo(first).isNotEqualTo(otherCaller);
	}

	@Test
	void mutationOverGetIsMethodNotAllowedWithAGraphQlBody() {
		Response response = http.get(TestTokens.bearer(anyUser(), "analytics:refresh"),
				"/graphql?query=" + encoded(GatewayHttp.document("refreshAnalyticsMutation")));

		assertThat(response.status()).isEqualTo(405);
		assertThat(response.headers().firstValue("Allow")).contains("POST");
		assertThat(response.errorCodes()).containsExactly("BAD_REQUEST");
		assertThat(response.errorMessages().getFirst()).contains("POST");
	}

	@Test
	void getWithoutQueryIsABadRequestThatSaysWhatIsMissing() {
		Response response = http.get(TestTokens.bearer(anyUser()), "/graphql?variables=%7B%7D");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorCodes()).containsExactly("BAD_REQUEST");
		assertThat(response.errorMessages().getFirst()).contains("query");
	}

	@Test
	void optionsListsTheAllowedMethods() {
		Response response = http
			.send(http.request("/graphql").method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));

		assertThat(response.status()).isEqualTo(204);
		assertThat(response.headers().firstValue("Allow").orElseThrow()).contains("GET").contains("POST");
	}

	private String tagOf(String bearer, String pathAndQuery) {
		return http.get(bearer, pathAndQuery).headers().firstValue("ETag").orElseThrow();
	}

	private static UUID anyUser() {
		return UUID.randomUUID();
	}

	private static String encoded(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
