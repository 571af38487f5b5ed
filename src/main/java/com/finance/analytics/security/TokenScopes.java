package com.finance.analytics.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import com.nimbusds.jwt.JWTClaimsSet;

/**
 * Reads granted scopes from {@code scope} (OAuth 2 style, space separated) and
 * {@code scp} (string or list).
 */
final class TokenScopes {

	private TokenScopes() {
	}

	static Set<String> of(JWTClaimsSet claims) {
		Set<String> scopes = new HashSet<>();
		addAll(scopes, claims.getClaim("scope"));
		addAll(scopes, claims.getClaim("scp"));
		return scopes;
	}

	private static void addAll(Set<String> scopes, Object claim) {
		if (claim instanceof String text) {
			Arrays.stream(text.split(" ")).filter(s -> !s.isBlank()).forEach(scopes::add);
		}
		else if (claim instanceof Collection<?> values) {
			values.stream().filter(String.class::isInstance).map(String.class::cast).forEach(scopes::add);
		}
	}

}
