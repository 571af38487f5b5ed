package com.finance.analytics.error;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.introspection.GoodFaithIntrospection.BadFaithIntrospectionError;
import graphql.schema.DataFetchingEnvironment;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The one factory of coded errors: every GraphQL error and REST problem detail the
 * gateway writes is built here, so each carries its {@link ErrorCode#EXTENSION code} the
 * same way. Also gives every error of a finished result a code, including those
 * graphql-java raises before any data fetcher runs (syntax, validation, argument
 * coercion) — applied to each response as a whole rather than as an instrumentation: a
 * second instrumentation makes graphql-java chain them, which costs on every field of
 * every row (docs/performance.md).
 */
public final class CodedErrors {

	/**
	 * RFC 9457's type for a problem explained by its status alone; the code says the
	 * rest.
	 */
	private static final URI UNTYPED = URI.create("about:blank");

	private CodedErrors() {
	}

	public static GraphQLError graphQlError(ErrorCode code, String message) {
		return builder(code, message).build();
	}

	/** An error located at the field {@code environment} is fetching. */
	public static GraphQLError graphQlError(DataFetchingEnvironment environment, ErrorCode code, String message) {
		return GraphqlErrorBuilder.newError(environment)
			.message(message)
			.errorType(code.classification())
			.extensions(Map.of(ErrorCode.EXTENSION, code.name()))
			.build();
	}

	/**
	 * A GraphQL response body holding just this error, for refusals written before
	 * GraphQL execution.
	 */
	public static Map<String, Object> graphQlBody(ErrorCode code, String message) {
		return Map.of("errors", List.of(graphQlError(code, message).toSpecification()));
	}

	/**
	 * An RFC 9457 problem detail with the code; {@code status} is the code's own unless
	 * the web layer chose one.
	 */
	public static ProblemDetail problem(HttpStatusCode status, ErrorCode code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		withCode(problem, code);
		return problem;
	}

	/**
	 * Completes a problem detail Spring MVC built: always a {@code type}, and the code.
	 */
	public static void withCode(ProblemDetail problem, ErrorCode code) {
		if (problem.getType() == null) {
			problem.setType(UNTYPED);
		}
		problem.setProperty(ErrorCode.EXTENSION, code.name());
	}

	public static Optional<String> codeOf(GraphQLError error) {
		return Optional.ofNullable(error.getExtensions())
			.map(extensions -> extensions.get(ErrorCode.EXTENSION))
			.map(Object::toString);
	}

	/**
	 * The result with a code on every error; an uncoded error that is not the client's
	 * loses its own message.
	 */
	public static ExecutionResult withCodes(ExecutionResult result) {
		if (result.getErrors().stream().allMatch(error -> codeOf(error).isPresent())) {
			return result;
		}
		List<GraphQLError> coded = result.getErrors().stream().map(CodedErrors::withCode).toList();
		return result.transform(builder -> builder.errors(coded));
	}

	private static GraphQLError withCode(GraphQLError error) {
		if (codeOf(error).isPresent()) {
			return error;
		}
		// graphql-java refuses an introspection query that is too big to be in good
		// faith: the client's mistake.
		ErrorCode code = error instanceof BadFaithIntrospectionError ? ErrorCode.BAD_REQUEST
				: ErrorCode.of(error.getErrorType());
		Map<String, Object> extensions = new HashMap<>(
				error.getExtensions() == null ? Map.of() : error.getExtensions());
		extensions.put(ErrorCode.EXTENSION, code.name());
		return GraphqlErrorBuilder.newError()
			.message(code == ErrorCode.INTERNAL ? code.defaultMessage() : error.getMessage())
			.locations(error.getLocations())
			.path(error.getPath())
			.errorType(error.getErrorType())
			.extensions(extensions)
			.build();
	}

	private static GraphqlErrorBuilder<?> builder(ErrorCode code, String message) {
		return GraphqlErrorBuilder.newError()
			.message(message)
			.errorType(code.classification())
			.extensions(Map.of(ErrorCode.EXTENSION, code.name()));
	}

}
