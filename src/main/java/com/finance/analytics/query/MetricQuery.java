package com.finance.analytics.query;

import com.finance.analytics.catalog.Metric;
import com.finance.analytics.error.ErrorCode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A metric query: metrics grouped by dimensions (names of the semantic layer) and an
 * optional time grain over an inclusive window; id filters checked for ownership; at most
 * {@code limit} groups (the same bounds as a dataset page, {@link DatasetQuery}).
 */
public record MetricQuery(List<Metric> metrics, List<String> groupBy, Optional<TimeGrain> grain, LocalDate startDate,
		LocalDate endDate, List<UUID> accountIds, List<UUID> tagIds, List<MetricOrder> orderBy, int limit) {

	public MetricQuery {
		metrics = List.copyOf(metrics);
		groupBy = List.copyOf(groupBy);
		accountIds = accountIds == null ? List.of() : List.copyOf(accountIds);
		tagIds = tagIds == null ? List.of() : List.copyOf(tagIds);
		orderBy = List.copyOf(orderBy);
		if (metrics.isEmpty()) {
			throw ErrorCode.BAD_REQUEST.exception("metrics is empty; name at least one metric");
		}
		if (startDate == null || endDate == null) {
			throw ErrorCode.BAD_REQUEST.exception("startDate and endDate are required");
		}
		if (endDate.isBefore(startDate)) {
			throw ErrorCode.BAD_REQUEST.exception("endDate " + endDate + " is before startDate " + startDate);
		}
		if (limit < 1 || limit > DatasetQuery.MAX_LIMIT) {
			throw ErrorCode.BAD_REQUEST
				.exception("limit must be between 1 and " + DatasetQuery.MAX_LIMIT + ", was " + limit);
		}
		if (groupBy.stream().distinct().count() != groupBy.size()) {
			throw ErrorCode.BAD_REQUEST.exception("groupBy names a dimension twice");
		}
	}

	/** The first day read: the window's start widened to the start of its period. */
	public LocalDate windowStart() {
		return grain.map(period -> period.periodStart(startDate)).orElse(startDate);
	}

	/** The last day read: the window's end widened to the end of its period. */
	public LocalDate windowEnd() {
		return grain.map(period -> period.periodEnd(endDate)).orElse(endDate);
	}

	/**
	 * One ordering term: the period, a dimension or a metric (by name), with a direction.
	 */
	public record MetricOrder(Target target, String name, SortDirection direction) {

		/** What a term orders by. */
		public enum Target {

			PERIOD, DIMENSION, METRIC

		}
	}

}
