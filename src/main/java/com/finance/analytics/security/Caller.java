package com.finance.analytics.security;

import java.util.Set;
import java.util.UUID;

/**
 * The verified identity behind a request. Only the security package creates one, from a
 * verified token; every data path scopes its SQL by {@link #userId()}.
 */
public record Caller(UUID userId, Set<String> scopes) {

	/**
	 * Key under which the caller is stored in the GraphQL context and as a servlet
	 * request attribute.
	 */
	public static final String CONTEXT_KEY = Caller.class.getName();

	public static final String REFRESH_SCOPE = "analytics:refresh";

	public Caller {
		scopes = Set.copyOf(scopes);
	}

	public boolean hasScope(String scope) {
		return scopes.contains(scope);
	}
}
