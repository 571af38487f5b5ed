package com.finance.analytics.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

/**
 * Which columns a page's selection reads, from real documents run by graphql-java: fields
 * through fragments and aliases count, {@code __typename} does not, a relation field
 * reads its referencing column, and anything unknown means every column.
 */
class SelectedColumnsTest {

	private static final String SDL = """
			type Query { page: Page }
			type Page { nodes: [Row] totalCount: Int }
			type Row { amount: Int bookingDate: String account: Row unmapped: Int }
			""";

	private static final Map<String, String> COLUMNS = Map.of("amount", "amount", "bookingDate", "booking_date",
			"account", "account_id");

	@Test
	void fieldsThroughFragmentsAndAliasesAreReadAndTypenameIsNot() {
		assertThat(columnsOf("{ page { totalCount nodes { __typename when: bookingDate ...money } } }"
				+ " fragment money on Row { amount account { amount } }"))
			.containsExactlyInAnyOrder("booking_date", "amount", "account_id");
	}

	@Test
	void nodesInAFragmentOfThePageAndAliasedNodesAreRead() {
		assertThat(columnsOf("{ page { ... on Page { rows: nodes { amount } } ...more } }"
				+ " fragment more on Page { nodes { ... on Row { bookingDate } } }"))
			.containsExactlyInAnyOrder("amount", "booking_date");
	}

	@Test
	void selectionWithoutNodesReadsNoNamedColumn() {
		assertThat(columnsOf("{ page { totalCount } }")).isEmpty();
	}

	@Test
	void fieldWithoutAColumnMeansEveryColumn() {
		assertThat(columnsOf("{ page { nodes { amount unmapped } } }")).isEmpty();
	}

	private static Set<String> columnsOf(String document) {
		AtomicReference<Set<String>> seen = new AtomicReference<>();
		RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
			.type("Query", type -> type.dataFetcher("page", environment -> {
				seen.set(DatasetFields.selectedColumns(environment.getMergedField(), environment.getFragmentsByName(),
						COLUMNS));
				return Map.of("nodes", List.of(), "totalCount", 0);
			}))
			.build();
		GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring);
		ExecutionResult result = GraphQL.newGraphQL(schema).build().execute(document);
		assertThat(result.getErrors()).isEmpty();
		return seen.get();
	}

}
