package com.finance.analytics.schema;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;

/**
 * Reads one column of a result row. Marked trivial, as graphql-java's own property fetcher is: Spring then neither
 * wraps it for context propagation nor opens an observation for it, which per field of every row was the largest
 * share of the gateway's CPU on lists (docs/performance.md).
 */
record ColumnFetcher(String column) implements TrivialDataFetcher<Object> {

    @Override
    public Object get(DataFetchingEnvironment environment) {
        Map<String, Object> row = environment.getSource();
        return row.get(column);
    }
}
