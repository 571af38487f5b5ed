package com.finance.analytics.security;

import java.time.Duration;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The bearer token and body size filters in front of a stand-in endpoint, refusing before
 * any controller runs.
 */
class HttpFiltersTest {

	private static final UUID USER = UUID.fromString("6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7");

	private static final int MAX_BODY = 1024;

	private final MockMvc mvc;

	HttpFiltersTest() {
		ErrorResponses errors = new ErrorResponses(JsonMapper.builder().build());
		JwtVerifier verifier = new JwtVerifier(JwtVerifierTest.properties(TestTokens.SECRET, "", ""));
		mvc = MockMvcBuilders.standaloneSetup(new CallerEcho())
			.addFilter(new BearerTokenFilter(verifier, errors), SecurityConfiguration.PROTECTED_PATHS)
			.addFilter(
					new RequestBodyFilter(MAX_BODY, Duration.ofSeconds(10), SecurityConfiguration.GRAPHQL_PATH, errors),
					SecurityConfiguration.PROTECTED_PATHS)
			.build();
	}

	@Test
	void passesVerifiedCallerToTheEndpoint() throws Exception {
		mvc.perform(post("/graphql").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(USER))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isOk()).andExpect(content().string(USER.toString()));
	}

	@Test
	void refusesRequestWithoutTokenWithGraphqlShapedError() throws Exception {
		mvc.perform(post("/graphql").content("{}"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.errors[0].extensions.code").value("UNAUTHENTICATED"))
			.andExpect(jsonPath("$.errors[0].message").value("Missing bearer token"));
	}

	@Test
	void refusesOtherAuthorizationSchemes() throws Exception {
		mvc.perform(post("/graphql").header(HttpHeaders.AUTHORIZATION, "Basic dXNlcjpwYXNz").content("{}"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.errors[0].extensions.code").value("UNAUTHENTICATED"));
	}

	@Test
	void refusesExpiredForgedAndUnsignedTokens() throws Exception {
		for (String token : new String[] { TestTokens.expired(USER), TestTokens.wrongSecret(USER),
				TestTokens.algNone(USER), TestTokens.notYetValid(USER), "not-a-jwt" }) {
			mvc.perform(post("/graphql").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).content("{}"))
				.andExpect(status().isUnauthorized())
				.andExpect(jsonPath("$.errors[0].extensions.code").value("UNAUTHENTICATED"));
		}
	}

	@Test
	void twoAuthorizationHeadersAreRefused() throws Exception {
		mvc.perform(post("/graphql").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(USER))
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(UUID.randomUUID()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].extensions.code").value("BAD_REQUEST"))
			.andExpect(jsonPath("$.errors[0].message").value("Send exactly one Authorization header"));
	}

	@Test
	void refusesRestRequestWithProblemDetail() throws Exception {
		mvc.perform(post("/api/v1/datasets/x").content("{}"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(401))
			.andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
	}

	@Test
	void refusesGraphqlJsonBodyThatIsNotAnObject() throws Exception {
		for (String body : new String[] { "null", " null ", "", "[]", "\"{}\"", "1" }) {
			mvc.perform(post("/graphql").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(USER))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].extensions.code").value("BAD_REQUEST"));
		}
	}

	@Test
	void batchedBodyIsRefusedWithAMessageSayingBatchingIsUnsupported() throws Exception {
		mvc.perform(post("/graphql").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(USER))
			.contentType(MediaType.APPLICATION_JSON)
			.content("[{\"query\":\"{ a }\"},{\"query\":\"{ b }\"}]"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].extensions.code").value("BAD_REQUEST"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("Batched")));
	}

	@Test
	void refusalUsesTheGraphQlResponseMediaTypeWhenTheClientAcceptsIt() throws Exception {
		mvc.perform(post("/graphql").accept("application/graphql-response+json, application/json")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"query\":\"{ a }\"}"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_GRAPHQL_RESPONSE))
			.andExpect(jsonPath("$.errors[0].extensions.code").value("UNAUTHENTICATED"));
	}

	@Test
	void passesJsonObjectBodiesOn() throws Exception {
		for (String body : new String[] { "{}", "  \n{\"query\":\"{ x }\"}", "\uFEFF{}" }) {
			mvc.perform(post("/graphql").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(USER))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body)).andExpect(status().isOk()).andExpect(content().string(USER.toString()));
		}
	}

	@Test
	void refusesGraphqlBodyThatIsNotJsonWithACode() throws Exception {
		for (String contentType : new String[] { "text/plain", "application/x-www-form-urlencoded",
				"application/graphql", "application/vnd.other+json", "not a media type" }) {
			mvc.perform(post("/graphql").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(USER))
				.header(HttpHeaders.CONTENT_TYPE, contentType)
				.content("{}"))
				.andExpect(status().isUnsupportedMediaType())
				.andExpect(jsonPath("$.errors[0].extensions.code").value("BAD_REQUEST"));
		}
		mvc.perform(post("/graphql").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(USER)).content("{}"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.errors[0].extensions.code").value("BAD_REQUEST"));
	}

	@Test
	void passesGraphqlJsonWithParametersOn() throws Exception {
		for (String contentType : new String[] { "application/json;charset=UTF-8", "APPLICATION/JSON" }) {
			mvc.perform(post("/graphql").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(USER))
				.header(HttpHeaders.CONTENT_TYPE, contentType)
				.content("{}")).andExpect(status().isOk()).andExpect(content().string(USER.toString()));
		}
	}

	@Test
	void refusesBodyAboveTheLimit() throws Exception {
		mvc.perform(post("/graphql").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(USER))
			.content("x".repeat(MAX_BODY + 1)))
			.andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.errors[0].extensions.code").value("BAD_REQUEST"));
	}

	@Test
	void acceptsBodyAtTheLimit() throws Exception {
		mvc.perform(post("/graphql").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(USER))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"q\":\"" + "x".repeat(MAX_BODY - 8) + "\"}")).andExpect(status().isOk());
	}

	@RestController
	static class CallerEcho {

		@PostMapping({ "/graphql", "/api/v1/datasets/x" })
		String echo(HttpServletRequest request, @RequestBody String body) {
			return ((Caller) request.getAttribute(Caller.CONTEXT_KEY)).userId().toString();
		}

	}

}
