package com.finance.analytics.error;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Turns a data fetcher's failure into a GraphQL error with {@code extensions.code}. An {@link AnalyticsException}
 * keeps its safe message; anything else is logged and answered with a generic message, never its own text.
 */
@Component
public class AnalyticsExceptionResolver extends DataFetcherExceptionResolverAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsExceptionResolver.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable exception, DataFetchingEnvironment environment) {
        if (exception instanceof AnalyticsException analytics) {
            return error(environment, analytics.code(), analytics.getMessage());
        }
        LOG.error("Unexpected failure in {}", environment.getExecutionStepInfo().getPath(), exception);
        return error(environment, ErrorCode.INTERNAL, "An internal error occurred");
    }

    private static GraphQLError error(DataFetchingEnvironment environment, ErrorCode code, String message) {
        return GraphqlErrorBuilder.newError(environment)
                .message(message)
                .errorType(errorType(code))
                .extensions(Map.of(ErrorCodes.EXTENSION, code.name()))
                .build();
    }

    static ErrorType errorType(ErrorCode code) {
        return switch (code) {
            case BAD_REQUEST -> ErrorType.BAD_REQUEST;
            case UNAUTHENTICATED -> ErrorType.UNAUTHORIZED;
            case FORBIDDEN -> ErrorType.FORBIDDEN;
            case NOT_FOUND -> ErrorType.NOT_FOUND;
            case RATE_LIMITED -> ErrorType.BAD_REQUEST;
            case TIMEOUT, UNAVAILABLE, INTERNAL -> ErrorType.INTERNAL_ERROR;
        };
    }
}
