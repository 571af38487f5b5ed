package com.finance.analytics.error;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import java.util.Optional;

/** Reads and infers the {@code extensions.code} of a GraphQL error. */
public final class ErrorCodes {

    public static final String EXTENSION = "code";

    private ErrorCodes() {
    }

    public static Optional<String> of(GraphQLError error) {
        return Optional.ofNullable(error.getExtensions())
                .map(extensions -> extensions.get(EXTENSION))
                .map(Object::toString);
    }

    /**
     * The code of an error raised by graphql-java itself: a malformed document, a field or enum value the schema
     * does not have, or an argument that does not coerce (a bad UUID or date) is the client's mistake.
     */
    static ErrorCode inferred(ErrorClassification classification) {
        if (classification instanceof graphql.ErrorType type) {
            return switch (type) {
                case InvalidSyntax, ValidationError, OperationNotSupported, ExecutionAborted -> ErrorCode.BAD_REQUEST;
                case DataFetchingException, NullValueInNonNullableField -> ErrorCode.INTERNAL;
            };
        }
        if (classification instanceof org.springframework.graphql.execution.ErrorType type) {
            return switch (type) {
                case BAD_REQUEST -> ErrorCode.BAD_REQUEST;
                case UNAUTHORIZED -> ErrorCode.UNAUTHENTICATED;
                case FORBIDDEN -> ErrorCode.FORBIDDEN;
                case NOT_FOUND -> ErrorCode.NOT_FOUND;
                case INTERNAL_ERROR -> ErrorCode.INTERNAL;
            };
        }
        return ErrorCode.INTERNAL;
    }
}
