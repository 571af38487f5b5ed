package com.finance.analytics.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.finance.analytics.GatewayHttp;
import com.finance.analytics.GatewayHttp.Response;
import com.finance.analytics.GatewayTest;
import com.finance.analytics.security.TestTokens;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Apollo's automatic persisted queries on the live gateway: miss, register, then hit by
 * hash on POST and GET.
 */
@GatewayTest
class PersistedQueriesTest {

	@Autowired
	private GatewayHttp http;

	@Test
	void unknownHashIsNotFoundThenTheDocumentRegistersAndItsHashAnswers() {
		String bearer = TestTokens.bearer(UUID.randomUUID());
		// A document no other test sends, so its hash is unknown until this test
		// registers it.
		String document = "{ dimTags { totalCount } } # " + UUID.randomUUID();
		String hash = DocumentHashes.sha256(document);

		Response miss = post(bearer, null, hash);
		assertThat(miss.errorCodes()).containsExactly("PERSISTED_QUERY_NOT_FOUND");
		assertThat(miss.errorMessages()).containsExactly("PersistedQueryNotFound");

		Response registered = post(bearer, document, hash);
		assertThat(registered.errorCodes()).isEmpty();
		assertThat(registered.data().path("dimTags").has("totalCount")).isTrue();

		assertThat(post(bearer, null, hash).json()).isEqualTo(registered.json());
		Response overGet = http.get(bearer, "/graphql?extensions="
				+ URLEncoder.encode(GatewayHttp.JSON.writeValueAsString(extensions(hash)), StandardCharsets.UTF_8));
		assertThat(overGet.status()).isEqualTo(200);
		assertThat(overGet.json()).isEqualTo(registered.json());
	}

	@Test
	void documentWhoseHashIsNotItsSha256IsABadRequest() {
		Response response = post(TestTokens.bearer(UUID.randomUUID()), "{ dimTags { totalCount } }",
				DocumentHashes.sha256("something else"));

		assertThat(response.errorCodes()).containsExactly("BAD_REQUEST");
	}

	private Response post(String bearer, String document, String hash) {
		Map<String, Object> body = new LinkedHashMap<>();
		if (document != null) {
			body.put("query", document);
		}
		body.put("extensions", extensions(hash));
		return http.postGraphQl(bearer, HttpRequest.BodyPublishers.ofString(GatewayHttp.JSON.writeValueAsString(body)));
	}

	private static Map<String, Object> extensions(String hash) {
		return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
	}

}
