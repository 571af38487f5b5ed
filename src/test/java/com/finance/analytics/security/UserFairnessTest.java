package com.finance.analytics.security;

import java.util.Map;
import java.util.UUID;

import com.finance.analytics.GatewayHttp;
import org.junit.jupiter.api.Test;
import com.finance.analytics.GatewayTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-user limit on the real server, where a GraphQL response is written
 * asynchronously: with one place per user, request after request of the same user still
 * answers, so every place is given back when its request ends.
 */
@GatewayTest
@TestPropertySource(properties = "analytics.limits.max-concurrent-requests-per-user=1")
class UserFairnessTest {

	private static final UUID USER = UUID.fromString("6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7");

	@Autowired
	private GatewayHttp http;

	@Test
	void sequentialRequestsOfOneUserAllAnswerUnderALimitOfOne() {
		for (int i = 0; i < 5; i++) {
			var graphQl = http.graphQl(TestTokens.bearer(USER), "{ analyticsStatus { available } }", Map.of());
			var badGraphQl = http.graphQl(TestTokens.bearer(USER), "{ noSuchField }", Map.of());
			var rest = http.get(TestTokens.bearer(USER), "/api/analytics/status");

			assertThat(graphQl.status()).as(graphQl.text()).isEqualTo(200);
			assertThat(badGraphQl.errorCodes()).as(badGraphQl.text()).containsExactly("BAD_REQUEST");
			assertThat(rest.status()).as(rest.text()).isEqualTo(200);
		}
	}

}
