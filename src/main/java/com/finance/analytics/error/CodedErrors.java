package com.finance.analytics.error;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives every error of a result an {@code extensions.code}, including those graphql-java raises before any data
 * fetcher runs (syntax, validation, argument coercion such as a malformed UUID or date), so clients can always
 * branch on it. Applied to each response as a whole rather than as an instrumentation: a second instrumentation
 * makes graphql-java chain them, which costs on every field of every row (docs/performance.md).
 */
public final class CodedErrors {

    private CodedErrors() {
    }

    public static ExecutionResult of(ExecutionResult result) {
        if (result.getErrors().stream().allMatch(error -> ErrorCodes.of(error).isPresent())) {
            return result;
        }
        List<GraphQLError> coded = result.getErrors().stream().map(CodedErrors::withCode).toList();
        return result.transform(builder -> builder.errors(coded));
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
