package com.finance.analytics.schema;

import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.List;
import java.util.regex.Pattern;

/**
 * graphql-java's argument validation messages quote the offending value as its syntax
 * tree's Java {@code toString} ({@code with value
 * 'ArrayValue{values=[StringValue{value='…'}]}'}); that part is dropped, leaving the
 * argument's path, its expected type and the scalar's own explanation, which already say
 * what was expected in GraphQL terms.
 */
final class ValidationMessages {

	/**
	 * Greedy up to the last of graphql-java's endings, so quotes inside the dumped value
	 * cannot end it early.
	 */
	private static final Pattern VALUE_DUMP = Pattern.compile(" with value '.*' (?=is not a valid |must not be null"
			+ "|must be an object type|is missing required fields |contains a field not in )", Pattern.DOTALL);

	private ValidationMessages() {
	}

	static ExecutionResult readable(ExecutionResult result) {
		if (result.getErrors().stream().noneMatch(ValidationMessages::dumpsAValue)) {
			return result;
		}
		List<GraphQLError> errors = result.getErrors()
			.stream()
			.map(error -> dumpsAValue(error) ? withoutDump(error) : error)
			.toList();
		return result.transform(builder -> builder.errors(errors));
	}

	private static boolean dumpsAValue(GraphQLError error) {
		return error.getErrorType() == ErrorType.ValidationError && error.getMessage() != null
				&& VALUE_DUMP.matcher(error.getMessage()).find();
	}

	private static GraphQLError withoutDump(GraphQLError error) {
		return GraphqlErrorBuilder.newError()
			.message(VALUE_DUMP.matcher(error.getMessage()).replaceFirst(" "))
			.locations(error.getLocations())
			.path(error.getPath())
			.errorType(error.getErrorType())
			.extensions(error.getExtensions())
			.build();
	}

}
