package com.finance.analytics.error;

import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * Turns a data fetcher's failure into a GraphQL error with {@code extensions.code}. An
 * {@link AnalyticsException} keeps its safe message; anything else is logged and answered
 * with a generic message, never its own text.
 */
@Component
public class AnalyticsExceptionResolver extends DataFetcherExceptionResolverAdapter {

	private static final Logger LOG = LoggerFactory.getLogger(AnalyticsExceptionResolver.class);

	@Override
	protected GraphQLError resolveToSingleError(Throwable exception, DataFetchingEnvironment environment) {
		if (exception instanceof AnalyticsException analytics) {
			return CodedErrors.graphQlError(environment, analytics.code(), analytics.getMessage());
		}
		LOG.error("Unexpected failure in {}", environment.getExecutionStepInfo().getPath(), exception);
		return CodedErrors.graphQlError(environment, ErrorCode.INTERNAL, ErrorCode.INTERNAL.defaultMessage());
	}

}
