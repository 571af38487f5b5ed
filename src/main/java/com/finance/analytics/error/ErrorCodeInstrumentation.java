package com.finance.analytics.error;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;

/**
 * Gives every error of a response an {@code extensions.code}, including those graphql-java raises before any data
 * fetcher runs (syntax, validation, argument coercion such as a malformed UUID or date), so clients can always
 * branch on it.
 */
@Component
public class ErrorCodeInstrumentation extends SimplePerformantInstrumentation {

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(
            ExecutionResult result, InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (result.getErrors().stream().allMatch(error -> ErrorCodes.of(error).isPresent())) {
            return CompletableFuture.completedFuture(result);
        }
        List<GraphQLError> coded = result.getErrors().stream().map(ErrorCodeInstrumentation::withCode).toList();
        return CompletableFuture.completedFuture(result.transform(builder -> builder.errors(coded)));
    }

    private static GraphQLError withCode(GraphQLError error) {
        if (ErrorCodes.of(error).isPresent()) {
            return error;
        }
        ErrorCode code = ErrorCodes.inferred(error.getErrorType());
        Map<String, Object> extensions = new HashMap<>(error.getExtensions() == null ? Map.of() : error.getExtensions());
        extensions.put(ErrorCodes.EXTENSION, code.name());
        return GraphqlErrorBuilder.newError()
                .message(code == ErrorCode.INTERNAL ? "An internal error occurred" : error.getMessage())
                .locations(error.getLocations())
                .path(error.getPath())
                .errorType(error.getErrorType())
                .extensions(extensions)
                .build();
    }
}
