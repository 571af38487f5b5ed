/**
 * Operational metrics for Prometheus ({@code /actuator/prometheus}, through Micrometer):
 * one timer sample per HTTP request (GraphQL or REST, by operation and outcome), DuckDB
 * statement timings and the executor's in-flight and queued statements, the served
 * snapshot's id and age, snapshot swaps and rejections, refresh launches, and the meters
 * of caches. Everything here is per request or per statement, never per field: Spring's
 * GraphQL and web observations stay switched off ({@code application.yml}). The other
 * packages only offer small hooks (listener interfaces, read-only counters) that the
 * beans here register with.
 */
package com.finance.analytics.observability;
