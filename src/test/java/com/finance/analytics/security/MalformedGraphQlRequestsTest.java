package com.finance.analytics.security;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;

import com.finance.analytics.GatewayHttp;
import com.finance.analytics.GatewayTest;
import com.finance.analytics.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request bodies Spring for GraphQL cannot read, sent over real HTTP to the gateway
 * serving the real test snapshot: each is a 400 with a GraphQL-shaped error carrying
 * {@code BAD_REQUEST}, never the framework's default error body.
 */
@GatewayTest
class MalformedGraphQlRequestsTest {

	private static final UUID USER = UUID.fromString("6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7");

	@Autowired
	private GatewayHttp http;

	@Autowired
	private HttpGraphQlTester graphQl;

	@Test
	void unreadableBodiesAreBadRequestsWithACode() {
		List<String> bodies = List.of("{}", "[]", "{\"query\":null}", "{\"query\":42}", "{\"query\":true}",
				"{\"query\":[\"{ datasets { id } }\"]}", "{\"query\":{}}", "not json", "{\"query\":",
				"{\"query\":\"{ datasets { id } }\"} trailing",
				"{\"query\":\"{ datasets { id } }\",\"variables\":\"x\"}",
				"{\"query\":\"{ datasets { id } }\",\"variables\":[1]}",
				"{\"query\":\"{ datasets { id } }\",\"variables\":42}",
				"{\"query\":\"{ datasets { id } }\",\"operationName\":{}}",
				"{\"query\":\"{ datasets { id } }\",\"operationName\":5}",
				"{\"query\":\"{ datasets { id } }\",\"extensions\":\"x\"}");
		for (String body : bodies) {
			var response = http.postGraphQl(TestTokens.bearer(USER), HttpRequest.BodyPublishers.ofString(body));

			assertThat(response.status()).as(body).isEqualTo(400);
			JsonNode json = response.json();
			assertThat(json.path("errors")).as(body).hasSize(1);
			assertThat(json.path("errors").path(0).path("extensions").path("code").asString()).as(body)
				.isEqualTo("BAD_REQUEST");
			assertThat(json.path("errors").path(0).path("message").asString()).as(body)
				.isNotBlank()
				.doesNotContainIgnoringCase("jackson")
				.doesNotContainIgnoringCase("exception");
			assertThat(json.has("timestamp") || json.has("status") || json.has("data")).as(body).isFalse();
		}
	}

	@Test
	void wellFormedBodyStillAnswers() {
		SignedIn.as(graphQl, USER)
			.documentName("analyticsAvailable")
			.execute()
			.path("analyticsStatus.available")
			.entity(Boolean.class)
			.isEqualTo(true);
	}

	@Test
	void unsupportedOrMissingContentTypeIsRefusedWithACode() {
		for (String contentType : new String[] { "text/plain", "application/graphql", "application/vnd.other+json",
				null }) {
			HttpRequest.Builder request = http.request("/graphql")
				.header("Authorization", TestTokens.bearer(USER))
				.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ analyticsStatus { available } }\"}"));
			if (contentType != null) {
				request.header("Content-Type", contentType);
			}
			var response = http.send(request);

			assertThat(response.status()).as(contentType + ": " + response.text()).isEqualTo(415);
			assertThat(response.errorCodes()).as(contentType + ": " + response.text()).first().isEqualTo("BAD_REQUEST");
		}
	}

}
