package com.finance.analytics.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.finance.analytics.GatewayHttp;
import com.finance.analytics.GatewayHttp.Response;
import com.finance.analytics.GatewayTest;
import com.finance.analytics.security.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Trusted-documents mode: the manifest's operations run (by hash or by text), anything
 * else is refused.
 */
@GatewayTest
class TrustedDocumentsTest {

	private static final String TRUSTED = GatewayHttp.document("accountNames");

	@Autowired
	private GatewayHttp http;

	@DynamicPropertySource
	static void trustedDocuments(DynamicPropertyRegistry registry) {
		Path manifest = manifest();
		registry.add("analytics.graphql.trusted-documents", manifest::toString);
	}

	@Test
	void trustedDocumentRunsByHashAndByText() {
		String bearer = TestTokens.bearer(UUID.randomUUID());
		Response byHash = http.postGraphQl(bearer, HttpRequest.BodyPublishers
			.ofString(GatewayHttp.JSON.writeValueAsString(Map.of("extensions",
					Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", DocumentHashes.sha256(TRUSTED)))))));

		assertThat(byHash.errorCodes()).isEmpty();
		assertThat(byHash.data().path("dimAccounts").has("nodes")).isTrue();
		assertThat(http.graphQl(bearer, TRUSTED, Map.of()).json()).isEqualTo(byHash.json());
	}

	@Test
	void documentOutsideTheManifestIsForbiddenWithAMessageSayingWhy() {
		Response response = http.graphQl(TestTokens.bearer(UUID.randomUUID()), "{ dimTags { totalCount } }", Map.of());

		assertThat(response.errorCodes()).containsExactly("FORBIDDEN");
		assertThat(response.errorMessages().getFirst()).contains("trusted documents");
	}

	@Test
	void unknownHashIsNotFoundAndRegistersNothing() {
		String document = "{ dimTags { totalCount } }";
		String hash = DocumentHashes.sha256(document);
		String bearer = TestTokens.bearer(UUID.randomUUID());
		Response register = http.postGraphQl(bearer,
				HttpRequest.BodyPublishers.ofString(GatewayHttp.JSON.writeValueAsString(Map.of("query", document,
						"extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash))))));
		Response byHash = http.postGraphQl(bearer,
				HttpRequest.BodyPublishers.ofString(GatewayHttp.JSON.writeValueAsString(
						Map.of("extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash))))));

		assertThat(register.errorCodes()).containsExactly("FORBIDDEN");
		assertThat(byHash.errorCodes()).containsExactly("PERSISTED_QUERY_NOT_FOUND");
	}

	private static Path manifest() {
		try {
			Path file = Files.createTempFile("trusted-documents", ".json");
			file.toFile().deleteOnExit();
			Files.writeString(file,
					GatewayHttp.JSON.writeValueAsString(Map.of(DocumentHashes.sha256(TRUSTED), TRUSTED)));
			return file;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
