package com.finance.analytics.query;

import java.time.LocalDate;
import java.util.List;

/**
 * The groups of a metric query and the window actually read (widened to whole periods).
 */
public record MetricRows(List<MetricRow> rows, LocalDate startDate, LocalDate endDate) {

	public MetricRows {
		rows = List.copyOf(rows);
	}
}
