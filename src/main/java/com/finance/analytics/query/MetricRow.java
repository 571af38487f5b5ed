package com.finance.analytics.query;

import java.time.LocalDate;
import java.util.Map;

/**
 * One group of a metric query: its period (null without a grain), its dimension values
 * and its metric values, keyed by their semantic-layer names (only those asked for).
 */
public record MetricRow(LocalDate period, Map<String, Object> dimensions, Map<String, Object> metrics) {
}
