package com.finance.analytics.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.finance.analytics.GatewayHttp;
import com.finance.analytics.GatewayHttp.Response;
import com.finance.analytics.GatewayTest;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * CORS for browser apps on another origin (the tests allow
 * {@code http://localhost:3000}), ahead of the token check.
 */
@GatewayTest
class CorsTest {

	private static final String ALLOWED = "http://localhost:3000";

	@Autowired
	private GatewayHttp http;

	@Test
	void preflightFromAnAllowedOriginIsAnsweredWithoutAToken() {
		for (String path : new String[] { "/graphql", "/api/analytics/status" }) {
			Response response = preflight(path, ALLOWED);

			assertThat(response.status()).as(path).isEqualTo(200);
			assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).as(path).contains(ALLOWED);
			assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().toLowerCase())
				.contains("authorization")
				.contains("content-type");
			assertThat(response.headers().allValues("Vary")).as(path).contains("Origin");
		}
	}

	@Test
	void preflightFromAnotherOriginIsRefusedWithoutCorsHeaders() {
		Response response = preflight("/graphql", "http://evil.example");

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	@Test
	void refusalOfAMissingTokenIsReadableByTheAllowedOrigin() {
		Response response = http.send(http.request("/graphql")
			.header("Origin", ALLOWED)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}")));

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(ALLOWED);
		assertThat(response.errorCodes()).containsExactly("UNAUTHENTICATED");
	}

	private Response preflight(String path, String origin) {
		return http.send(http.request(path)
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", origin)
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "authorization, content-type"));
	}

}
