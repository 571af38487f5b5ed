package com.finance.analytics.security;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The per-user limit on requests in progress, in front of a stand-in endpoint that holds
 * a request open on demand.
 */
class UserConcurrencyFilterTest {

	private static final UUID HEAVY = UUID.fromString("6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7");

	private static final UUID OTHER = UUID.fromString("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");

	private final Holding endpoint = new Holding();

	private final MockMvc mvc;

	UserConcurrencyFilterTest() {
		ErrorResponses errors = new ErrorResponses(JsonMapper.builder().build());
		JwtVerifier verifier = new JwtVerifier(JwtVerifierTest.properties(TestTokens.SECRET, "", ""));
		mvc = MockMvcBuilders.standaloneSetup(endpoint)
			.addFilter(new BearerTokenFilter(verifier, errors), SecurityConfiguration.PROTECTED_PATHS)
			.addFilter(new UserConcurrencyFilter(new UserConcurrencyLimit(1), errors),
					SecurityConfiguration.PROTECTED_PATHS)
			.build();
	}

	@Test
	void userAtTheLimitIsRateLimitedWhileOthersAndLaterRequestsPass() throws Exception {
		CompletableFuture<MvcResult> held = CompletableFuture.supplyAsync(() -> perform(HEAVY, "/graphql"));
		assertThat(endpoint.entered.await(30, TimeUnit.SECONDS)).isTrue();

		mvc.perform(post("/graphql").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(HEAVY)))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string(HttpHeaders.RETRY_AFTER, "1"))
			.andExpect(jsonPath("$.errors[0].extensions.code").value("RATE_LIMITED"));
		mvc.perform(post("/api/analytics/status").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(HEAVY)))
			.andExpect(status().isTooManyRequests())
			.andExpect(jsonPath("$.code").value("RATE_LIMITED"));
		mvc.perform(post("/graphql").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(OTHER)))
			.andExpect(status().isOk());

		endpoint.release.countDown();
		assertThat(held.get(30, TimeUnit.SECONDS).getResponse().getStatus()).isEqualTo(200);
		mvc.perform(post("/graphql").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(HEAVY)))
			.andExpect(status().isOk());
	}

	@Test
	void limitCountsPlacesPerUserAndFreesThem() {
		UserConcurrencyLimit limit = new UserConcurrencyLimit(2);

		assertThat(limit.tryEnter(HEAVY)).isTrue();
		assertThat(limit.tryEnter(HEAVY)).isTrue();
		assertThat(limit.tryEnter(HEAVY)).isFalse();
		assertThat(limit.tryEnter(OTHER)).isTrue();
		limit.leave(HEAVY);
		assertThat(limit.tryEnter(HEAVY)).isTrue();
		limit.leave(HEAVY);
		limit.leave(HEAVY);
		assertThat(limit.inProgress(HEAVY)).isZero();
	}

	private MvcResult perform(UUID user, String path) {
		try {
			return mvc.perform(post(path).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(user))).andReturn();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Holds the heavy user's first request until released; answers everyone else at once.
	 */
	@RestController
	static class Holding {

		final CountDownLatch entered = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		@PostMapping({ "/graphql", "/api/analytics/status" })
		String answer(HttpServletRequest request) throws InterruptedException {
			Caller caller = (Caller) request.getAttribute(Caller.CONTEXT_KEY);
			if (caller.userId().equals(HEAVY) && entered.getCount() > 0) {
				entered.countDown();
				release.await(30, TimeUnit.SECONDS);
			}
			return "ok";
		}

	}

}
