package com.finance.analytics.observability;

import com.finance.analytics.error.ErrorCode;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * Reads a GraphQL request's operation name and outcome from its finished response (where
 * every error already carries its {@code extensions.code}), once per request, for
 * {@link RequestMetricsFilter}. A request answered with HTTP 200 and errors is thus
 * counted under its error's code.
 */
class GraphQlOutcomeInterceptor implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (!(request.getAttributes().get(GraphQlOperation.ATTRIBUTE) instanceof GraphQlOperation operation)) {
			return chain.next(request);
		}
		return chain.next(request).doOnNext(response -> {
			ExecutionResult result = response.getExecutionResult();
			operation.record(request.getOperationName(), result.isDataPresent(), outcome(result.getErrors()));
		});
	}

	/**
	 * The first error's code; a code that is not one of {@link ErrorCode} (none should
	 * be) counts as INTERNAL, so the tag's values stay the known few.
	 */
	private static String outcome(List<GraphQLError> errors) {
		if (errors.isEmpty()) {
			return Outcomes.OK;
		}
		Map<String, Object> extensions = errors.getFirst().getExtensions();
		Object code = extensions == null ? null : extensions.get(ErrorCode.EXTENSION);
		for (ErrorCode known : ErrorCode.values()) {
			if (known.name().equals(code)) {
				return known.name();
			}
		}
		return ErrorCode.INTERNAL.name();
	}

}
