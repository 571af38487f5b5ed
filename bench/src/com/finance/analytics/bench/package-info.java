/**
 * The benchmark driver (not part of the gateway, never run by {@code make test}):
 * closed-loop clients against the real gateway over HTTP, and the same logical queries
 * through the gateway's own query layer straight over DuckDB JDBC, at the same
 * concurrencies; writes the table of {@code docs/performance.md}. Started by
 * {@code bench/run.sh}.
 */
package com.finance.analytics.bench;
