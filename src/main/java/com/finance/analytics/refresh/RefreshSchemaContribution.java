package com.finance.analytics.refresh;

import com.finance.analytics.schema.SchemaBuilder;
import com.finance.analytics.schema.SchemaContribution;
import com.finance.analytics.security.Callers;
import com.finance.analytics.snapshot.Snapshot;
import graphql.schema.idl.TypeRuntimeWiring;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The {@code refreshAnalytics} mutation and {@code refreshRun} query
 * ({@code graphql/refresh.graphqls}), in every snapshot's schema and in the one served
 * while there is no snapshot (a first refresh is how a fresh install gets data). Both
 * need the refresh scope: a run is not any one user's data, it is an operator's action on
 * everyone's. Both fetchers return the service's futures, so a slow Dagster never holds a
 * request thread.
 */
@Component
public class RefreshSchemaContribution implements SchemaContribution {

	private final RefreshService refreshes;

	public RefreshSchemaContribution(RefreshService refreshes) {
		this.refreshes = refreshes;
	}

	@Override
	public void contribute(SchemaBuilder schema, Optional<Snapshot> snapshot) {
		schema.addResource("graphql/refresh.graphqls");
		schema.wire(TypeRuntimeWiring.newTypeWiring("Mutation")
			.dataFetcher("refreshAnalytics", environment -> refreshes.refresh(Callers.require(environment))));
		schema.wire(TypeRuntimeWiring.newTypeWiring("Query").dataFetcher("refreshRun", environment -> {
			environment.getGraphQlContext().put(NOT_FROM_SNAPSHOT, true);
			return refreshes.run(Callers.require(environment), environment.getArgument("id"));
		}));
		schema.wire(TypeRuntimeWiring.newTypeWiring("RefreshStatus").enumValues(RefreshStatus::valueOf));
	}

}
