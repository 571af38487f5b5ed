package com.finance.analytics.security;

import java.util.HashMap;
import java.util.Map;

import graphql.introspection.Introspection;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * Hands the {@link Caller} verified by {@link BearerTokenFilter} to GraphQL execution
 * under {@link Caller#CONTEXT_KEY} and, when configured, switches introspection off for
 * the request. A request without a caller gets none in its context, so every data fetcher
 * refuses it.
 */
class CallerContextInterceptor implements WebGraphQlInterceptor {

	private final boolean introspection;

	CallerContextInterceptor(boolean introspection) {
		this.introspection = introspection;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		Map<Object, Object> context = new HashMap<>();
		if (request.getAttributes().get(Caller.CONTEXT_KEY) instanceof Caller caller) {
			context.put(Caller.CONTEXT_KEY, caller);
		}
		if (!introspection) {
			context.put(Introspection.INTROSPECTION_DISABLED, true);
		}
		request.configureExecutionInput((input, builder) -> builder.graphQLContext(context).build());
		return chain.next(request);
	}

}
