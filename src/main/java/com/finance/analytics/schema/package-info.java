/**
 * The GraphQL API generated from a snapshot's catalog. Every part of the schema is one
 * {@link com.finance.analytics.schema.SchemaContribution} that adds its type definitions
 * (graphql-java AST, or static SDL from {@code resources/graphql/*.graphqls}) and wires
 * its fetchers in the same class: discovery, the paged field of every dataset with its
 * relations, and the features of other packages (convenience views, refresh). Also the
 * engine built once per snapshot and the execution service that runs each request on the
 * schema of the snapshot it leased, with the cache of whole answers per snapshot.
 */
package com.finance.analytics.schema;
