package com.finance.analytics.schema;

import com.finance.analytics.query.DatasetFilter;
import com.finance.analytics.query.DatasetQuery;
import com.finance.analytics.query.OrderBy;
import com.finance.analytics.query.SortDirection;
import graphql.schema.DataFetchingEnvironment;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads GraphQL arguments into query-layer values. Scalars have already been coerced
 * (Date → LocalDate, UUID → UUID) and column enums resolved to catalog column names by
 * the wiring, so nothing here interprets client strings as SQL.
 */
final class Arguments {

	private Arguments() {
	}

	static DatasetQuery datasetQuery(DataFetchingEnvironment environment) {
		return new DatasetQuery(filter(environment.getArgument("filter")), orderBy(environment.getArgument("orderBy")),
				intOr(environment.getArgument("limit"), DatasetQuery.DEFAULT_LIMIT),
				intOr(environment.getArgument("offset"), 0));
	}

	@SuppressWarnings("unchecked")
	private static DatasetFilter filter(Map<String, Object> filter) {
		if (filter == null) {
			return DatasetFilter.NONE;
		}
		return DatasetFilter.of((LocalDate) filter.get("startDate"), (LocalDate) filter.get("endDate"),
				DatasetFilter.nonEmptyIds((List<UUID>) filter.get("accountIds"), "accountIds"),
				DatasetFilter.nonEmptyIds((List<UUID>) filter.get("tagIds"), "tagIds"));
	}

	private static List<OrderBy> orderBy(List<Map<String, Object>> terms) {
		if (terms == null) {
			return List.of();
		}
		return terms.stream()
			.map(term -> new OrderBy((String) term.get("column"),
					term.get("direction") instanceof SortDirection direction ? direction : SortDirection.ASC))
			.toList();
	}

	private static int intOr(Integer value, int fallback) {
		return value == null ? fallback : value;
	}

}
