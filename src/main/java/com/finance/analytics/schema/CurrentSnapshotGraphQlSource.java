package com.finance.analytics.schema;

import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Component;

/**
 * The {@link GraphQlSource} Spring's web layer sees (schema printing, tooling): always
 * the current snapshot's. Request execution does not go through it but through
 * {@link SnapshotExecutionGraphQlService}.
 */
@Component
public class CurrentSnapshotGraphQlSource implements GraphQlSource {

	private final GraphQlEngines engines;

	public CurrentSnapshotGraphQlSource(GraphQlEngines engines) {
		this.engines = engines;
	}

	@Override
	public GraphQL graphQl() {
		return engines.current().source().graphQl();
	}

	@Override
	public GraphQLSchema schema() {
		return engines.current().schema();
	}

}
