package com.finance.analytics.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.finance.analytics.GatewayHttp;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Test;

import static com.finance.analytics.security.GatewaySurface.abbreviate;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens and scopes at the HTTP door of the real gateway: who gets in, and who may
 * refresh.
 */
class TokensOverHttpTest extends HostileRequests {

	@Test
	void missingForgedExpiredAndConfusedTokensAreUnauthenticated() throws Exception {
		UUID user = surface.me().userId();
		RSAKey rsa = new RSAKeyGenerator(2048).keyID("k").generate();
		String[] valid = TestTokens.valid(user).split("\\.");
		String[] other = TestTokens.valid(surface.other().userId()).split("\\.");
		List<String> refused = new ArrayList<>(List.of("", "Bearer", "Bearer ", "Basic " + valid[0],
				"bearer" + TestTokens.valid(user), "Bearer " + TestTokens.expired(user),
				"Bearer " + TestTokens.notYetValid(user), "Bearer " + TestTokens.wrongSecret(user),
				"Bearer " + TestTokens.algNone(user), "Bearer " + TestTokens.withoutExpiry(user),
				"Bearer " + TestTokens.rs256(TestTokens.claims(user).build(), rsa),
				"Bearer " + TestTokens.hs256(TestTokens.claims(user).build(), rsa.toPublicKey().getEncoded()),
				"Bearer " + valid[0] + "." + other[1] + "." + valid[2],
				"Bearer " + TestTokens.raw("{\"alg\":\"none\"}", "{\"sub\":\"" + user + "\",\"exp\":9999999999}", ""),
				"Bearer " + "x".repeat(6_000)));
		for (String authorization : refused) {
			var response = http.graphQl(authorization.isEmpty() ? null : authorization,
					GatewayHttp.document("analyticsAvailable"), Map.of());
			assertThat(response.status()).as(abbreviate(authorization)).isEqualTo(401);
			assertThat(response.errorCodes()).containsExactly("UNAUTHENTICATED");
		}
		assertThat(http.get(null, "/actuator/health").status()).isEqualTo(200);
		assertThat(http.get(null, "/graphiql?path=/graphql").status()).as("the GraphiQL page needs no token")
			.isNotEqualTo(401)
			.isLessThan(500);
	}

	@Test
	void refreshWithoutTheRefreshScopeIsForbidden() {
		UUID user = surface.me().userId();
		String run = GatewayHttp.document("refreshRunTypename");
		Map<String, Object> runId = Map.of("id", UUID.randomUUID().toString());
		String mutation = GatewayHttp.document("refreshAnalyticsTypename");

		for (String operation : List.of(run, mutation)) {
			Map<String, Object> variables = operation.equals(run) ? runId : Map.of();
			assertThat(http.graphQl(TestTokens.bearer(user), operation, variables).errorCodes()).as(operation)
				.containsExactly("FORBIDDEN");
			assertThat(http.graphQl(TestTokens.bearer(user, "analytics:read", "refresh"), operation, variables)
				.errorCodes()).as(operation).containsExactly("FORBIDDEN");
		}
		assertThat(http.graphQl(TestTokens.bearer(user, Caller.REFRESH_SCOPE), run, runId).errorCodes())
			.doesNotContain("FORBIDDEN", "UNAUTHENTICATED");
	}

}
