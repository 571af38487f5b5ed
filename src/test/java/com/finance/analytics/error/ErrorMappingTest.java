package com.finance.analytics.error;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * Every error gets a stable code, and only an AnalyticsException's own message ever
 * reaches the client.
 */
class ErrorMappingTest {

	private final GraphQlSource source = GraphQlSource.builder(schema())
		.exceptionResolvers(List.of(new AnalyticsExceptionResolver()))
		.build();

	@Test
	void analyticsExceptionKeepsItsSafeMessageAndCode() {
		GraphQLError error = onlyError("{ forbidden }");
		assertThat(error.getMessage()).isEqualTo("Not yours");
		assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN");
	}

	@Test
	void unexpectedFailureIsGenericAndHidesItsDetails() {
		GraphQLError error = onlyError("{ broken }");
		assertThat(error.getMessage()).isEqualTo("An internal error occurred").doesNotContain("secret_table");
		assertThat(error.getExtensions()).containsEntry("code", "INTERNAL");
	}

	@Test
	void invalidDocumentIsABadRequest() {
		assertThat(onlyError("{ nope }").getExtensions()).containsEntry("code", "BAD_REQUEST");
		assertThat(onlyError("{ broken ").getExtensions()).containsEntry("code", "BAD_REQUEST");
	}

	private GraphQLError onlyError(String document) {
		ExecutionResult result = CodedErrors.withCodes(source.graphQl().execute(document));
		assertThat(result.getErrors()).hasSize(1);
		return result.getErrors().getFirst();
	}

	private static GraphQLSchema schema() {
		RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
			.type("Query", type -> type.dataFetcher("forbidden", environment -> {
				throw ErrorCode.FORBIDDEN.exception("Not yours");
			}).dataFetcher("broken", environment -> {
				throw new IllegalStateException("select * from secret_table failed");
			}))
			.build();
		return new SchemaGenerator()
			.makeExecutableSchema(new SchemaParser().parse("type Query { forbidden: String broken: String }"), wiring);
	}

}
