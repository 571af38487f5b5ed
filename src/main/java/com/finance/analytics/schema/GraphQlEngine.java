package com.finance.analytics.schema;

import graphql.schema.GraphQLSchema;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * The executable GraphQL API of one snapshot (or of the no-data state), built once and
 * never changed.
 */
record GraphQlEngine(GraphQLSchema schema, GraphQlSource source, ExecutionGraphQlService execution) {
}
