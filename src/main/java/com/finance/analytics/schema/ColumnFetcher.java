package com.finance.analytics.schema;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.LightDataFetcher;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads one column of a result row. Trivial, as graphql-java's own property fetcher is:
 * Spring then neither wraps it for context propagation nor opens an observation for it,
 * which per field of every row was the largest share of the gateway's CPU on lists. And
 * light: graphql-java then does not build a data fetching environment per field of every
 * row just to hand over the row (docs/performance.md).
 */
record ColumnFetcher(String column) implements LightDataFetcher<Object> {

	@Override
	public Object get(GraphQLFieldDefinition field, Object source, Supplier<DataFetchingEnvironment> environment) {
		return ((Map<?, ?>) source).get(column);
	}

	@Override
	public Object get(DataFetchingEnvironment environment) {
		return get(environment.getFieldDefinition(), environment.getSource(), () -> environment);
	}
}
