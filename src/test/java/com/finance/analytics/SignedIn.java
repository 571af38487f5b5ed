package com.finance.analytics;

import java.util.UUID;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;

import com.finance.analytics.security.TestTokens;

/**
 * The {@link GatewayTest}'s {@link HttpGraphQlTester}, signed in: every call carries its
 * caller's bearer token.
 */
public final class SignedIn {

	private SignedIn() {
	}

	/** The tester with a valid token for {@code user} holding {@code scopes}. */
	public static HttpGraphQlTester as(HttpGraphQlTester anonymous, UUID user, String... scopes) {
		return anonymous.mutate().header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(user, scopes)).build();
	}

	/** The stable {@code extensions.code} of a GraphQL error, what clients branch on. */
	public static Object code(ResponseError error) {
		return error.getExtensions().get("code");
	}

}
