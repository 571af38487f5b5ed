package com.finance.analytics.security;

import com.finance.analytics.error.ErrorCode;
import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The verified caller the bearer filter stored on the request (and
 * {@link CallerContextInterceptor} copied into the GraphQL context). No caller, no data:
 * every data path asks here and fails closed when the filter did not run.
 */
public final class Callers {

	private Callers() {
	}

	public static Caller require(DataFetchingEnvironment environment) {
		return require(environment.getGraphQlContext());
	}

	public static Caller require(GraphQLContext context) {
		Caller caller = context == null ? null : context.get(Caller.CONTEXT_KEY);
		if (caller == null) {
			throw ErrorCode.UNAUTHENTICATED.exception();
		}
		return caller;
	}

	public static Caller require(HttpServletRequest request) {
		if (request.getAttribute(Caller.CONTEXT_KEY) instanceof Caller caller) {
			return caller;
		}
		throw ErrorCode.UNAUTHENTICATED.exception();
	}

}
