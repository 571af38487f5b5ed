/**
 * The analytics gateway: serves dbt-built DuckDB marts as a generated GraphQL API and a
 * REST API, scoped to the verified caller. Each sub-package owns one feature; this one
 * only holds the application's entry point.
 */
package com.finance.analytics;
