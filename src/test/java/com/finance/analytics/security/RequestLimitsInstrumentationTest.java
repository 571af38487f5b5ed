package com.finance.analytics.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.introspection.Introspection;
import graphql.introspection.IntrospectionQuery;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class RequestLimitsInstrumentationTest {

	private static final String SDL = """
			type Query {
			  accounts(filter: Filter, limit: Int): AccountPage
			  tags: [Tag]
			}
			input Filter { accountIds: [ID!] tagIds: [ID!] }
			type AccountPage { nodes: [Account] totalCount: Int }
			type Account { id: ID name: String transactions: [Transaction] }
			type Transaction { id: ID account: Account tags: [Tag] }
			type Tag { id: ID name: String }
			""";

	private static final GraphQLSchema SCHEMA = new SchemaGenerator()
		.makeExecutableSchema(new SchemaParser().parse(SDL), RuntimeWiring.newRuntimeWiring().build());

	private static final RequestLimits DEFAULTS = limits(true);

	@Test
	void letsAnOrdinaryQueryThrough() {
		ExecutionResult result = execute(DEFAULTS, """
				{ accounts(filter: {accountIds: ["a", "b"]}, limit: 10) {
				    nodes { id name transactions { id tags { name } } } totalCount } }""");

		assertThat(result.getErrors()).isEmpty();
	}

	@Test
	void letsTheGraphiqlIntrospectionQueryThroughWhenIntrospectionIsOn() {
		assertThat(execute(DEFAULTS, IntrospectionQuery.INTROSPECTION_QUERY).getErrors()).isEmpty();
	}

	@Test
	void refusesQueryNestedTooDeep() {
		String deep = "{ accounts { nodes { transactions { account { transactions { account { transactions { account {"
				+ " transactions { account { transactions { account { transactions { account { transactions { id"
				+ " } } } } } } } } } } } } } } } }";

		assertBadRequest(execute(DEFAULTS, deep), "nested deeper than 15");
	}

	@Test
	void refusesTooManyAliases() {
		String aliased = IntStream.range(0, 21)
			.mapToObj(i -> "t" + i + ": id")
			.collect(Collectors.joining(" ", "{ tags { ", " } }"));

		assertBadRequest(execute(DEFAULTS, aliased), "aliases");
	}

	@Test
	void refusesTooManyRootFields() {
		String wide = IntStream.range(0, 11)
			.mapToObj(i -> "t" + i + ": tags { id }")
			.collect(Collectors.joining(" ", "{ ", " }"));
		var manyAliasesAllowed = new RequestLimits(DataSize.ofKilobytes(64), 15, 1000, 100, 10, 100, true,
				Duration.ofSeconds(10), 4);

		assertBadRequest(execute(manyAliasesAllowed, wide), "root fields");
	}

	@Test
	void refusesFragmentBombBeforeExpandingIt() {
		StringBuilder query = new StringBuilder("{ tags { ...F0 } }\n");
		for (int i = 0; i < 12; i++) {
			query.append("fragment F")
				.append(i)
				.append(" on Tag { ")
				.append("a: id b: name ... F")
				.append(i + 1)
				.append(" c: id ...F")
				.append(i + 1)
				.append(" }\n");
		}
		query.append("fragment F12 on Tag { id }\n");
		var aliasesAllowed = new RequestLimits(DataSize.ofKilobytes(64), 15, 1000, 100_000, 10, 100, true,
				Duration.ofSeconds(10), 4);

		assertBadRequest(execute(aliasesAllowed, query.toString()), "more than 1000 fields");
	}

	@Test
	void countsDepthOfAFragmentAtEveryPlaceItIsUsed() {
		String query = """
				{ tags { ...Chain }
				  accounts { nodes { transactions { account { transactions { account { transactions { account {
				    transactions { account { transactions { tags { ...Chain } } } } } } } } } } } } }
				fragment Chain on Tag { id name }""";
		var shallowLimit = new RequestLimits(DataSize.ofKilobytes(64), 12, 1000, 20, 10, 100, true,
				Duration.ofSeconds(10), 4);

		assertBadRequest(execute(shallowLimit, query), "nested deeper than 12");
	}

	@Test
	void refusesOversizedListInVariables() {
		List<String> ids = IntStream.range(0, 101).mapToObj(i -> "id" + i).toList();
		ExecutionResult result = execute(DEFAULTS,
				"query($ids: [ID!]) { accounts(filter: {accountIds: $ids}) { totalCount } }", Map.of("ids", ids),
				false);

		assertBadRequest(result, "more than 100 items");
	}

	@Test
	void refusesOversizedListLiteral() {
		String ids = IntStream.range(0, 101).mapToObj(i -> "\"t" + i + "\"").collect(Collectors.joining(","));

		assertBadRequest(execute(DEFAULTS, "{ accounts(filter: {tagIds: [" + ids + "]}) { totalCount } }"),
				"more than 100 items");
	}

	@Test
	void refusesSchemaIntrospectionWhenDisabled() {
		RequestLimits off = limits(false);

		assertBadRequest(execute(off, IntrospectionQuery.INTROSPECTION_QUERY), "Introspection is disabled");
		assertBadRequest(execute(off, "{ __type(name: \"Account\") { name } }"), "Introspection is disabled");
	}

	@Test
	void refusesIntrospectionWhenDisabledEvenWithTheGraphqlJavaContextFlagSet() {
		ExecutionResult result = execute(limits(false), "{ __schema { types { name } } }", Map.of(), true);

		assertThat(result.getErrors()).isNotEmpty();
		assertThat(result.getData() == null || ((Map<?, ?>) result.getData()).get("__schema") == null).isTrue();
	}

	@Test
	void keepsTypenameAvailableWhenIntrospectionIsDisabled() {
		assertThat(execute(limits(false), "{ __typename tags { __typename id } }").getErrors()).isEmpty();
	}

	private static RequestLimits limits(boolean introspection) {
		return new RequestLimits(DataSize.ofKilobytes(64), 15, 1000, 20, 10, 100, introspection, Duration.ofSeconds(10),
				4);
	}

	private static ExecutionResult execute(RequestLimits limits, String query) {
		return execute(limits, query, Map.of(), false);
	}

	private static ExecutionResult execute(RequestLimits limits, String query, Map<String, Object> variables,
			boolean contextFlag) {
		GraphQL graphQL = GraphQL.newGraphQL(SCHEMA).instrumentation(new RequestLimitsInstrumentation(limits)).build();
		var input = ExecutionInput.newExecutionInput(query).variables(variables);
		if (contextFlag) {
			input.graphQLContext(Map.of(Introspection.INTROSPECTION_DISABLED, true));
		}
		return graphQL.execute(input.build());
	}

	private static void assertBadRequest(ExecutionResult result, String messagePart) {
		assertThat(result.getErrors()).hasSize(1);
		GraphQLError error = result.getErrors().getFirst();
		assertThat(error.getMessage()).contains(messagePart);
		assertThat(error.getExtensions()).containsEntry("code", "BAD_REQUEST");
		assertThat(result.getData() == null || ((Map<?, ?>) result.getData()).isEmpty()).isTrue();
	}

}
