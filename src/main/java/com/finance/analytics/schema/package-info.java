/**
 * The GraphQL API generated from a snapshot's catalog: SDL and data fetchers per dataset, discovery and convenience
 * fields, relation data loaders, and the execution service that runs each request on the schema of the snapshot it
 * leased. Other features add fields through {@link com.finance.analytics.schema.SchemaContribution} beans.
 */
package com.finance.analytics.schema;
