package com.finance.analytics.refresh;

import org.springframework.stereotype.Component;

import com.finance.analytics.schema.Callers;
import com.finance.analytics.schema.SchemaContribution;

import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeRuntimeWiring;

/**
 * The {@code refreshAnalytics} mutation and {@code refreshRun} query, in every snapshot's schema and in the one served
 * while there is no snapshot (a first refresh is how a fresh install gets data). Both need the refresh scope: a run
 * is not any one user's data, it is an operator's action on everyone's.
 */
@Component
public class RefreshSchemaContribution implements SchemaContribution {

    private static final String SDL = """
            extend type Mutation {
              "Rebuilds the marts through Dagster; while a refresh is unfinished, returns that one instead of starting another. Needs the analytics:refresh scope."
              refreshAnalytics: RefreshRun!
            }

            extend type Query {
              "A refresh run as Dagster reports it now. Needs the analytics:refresh scope; NOT_FOUND for an unknown id."
              refreshRun(id: ID!): RefreshRun!
            }

            "A run of Dagster's analytics_refresh job. The gateway moves to the snapshot it publishes on its own."
            type RefreshRun {
              id: ID!
              status: RefreshStatus!
              startedAt: DateTime
              finishedAt: DateTime
              "Dagster's failure message when the run failed."
              message: String
            }

            enum RefreshStatus {
              QUEUED
              STARTING
              STARTED
              CANCELING
              SUCCESS
              FAILURE
              CANCELED
            }
            """;

    private final RefreshService refreshes;

    public RefreshSchemaContribution(RefreshService refreshes) {
        this.refreshes = refreshes;
    }

    @Override
    public String sdl() {
        return SDL;
    }

    /** Both fetchers return the service's futures: graphql-java completes the response when Dagster has answered. */
    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type(TypeRuntimeWiring.newTypeWiring("Mutation")
                .dataFetcher("refreshAnalytics", environment -> refreshes.refresh(Callers.require(environment))));
        wiring.type(TypeRuntimeWiring.newTypeWiring("Query")
                .dataFetcher("refreshRun",
                        environment -> refreshes.run(Callers.require(environment), environment.getArgument("id"))));
        wiring.type(TypeRuntimeWiring.newTypeWiring("RefreshStatus").enumValues(RefreshStatus::valueOf));
    }
}
