package com.finance.analytics.observability;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the gateway measures on its own account ({@code analytics.metrics}).
 *
 * @param requests time every HTTP request and DuckDB statement (false: only the gauges
 * read at scrape time remain, and no request pays for metrics)
 * @param maxOperationNames distinct GraphQL operation names that get their own
 * {@code operation} tag; later ones are counted as {@code other}, so a client inventing
 * names cannot grow the scrape without bound
 */
@ConfigurationProperties("analytics.metrics")
public record MetricsProperties(@DefaultValue("true") boolean requests, @DefaultValue("50") int maxOperationNames) {
}
